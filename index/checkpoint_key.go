package index

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"os"

	"prepub/review"
)

// NewCheckpointKey makes an Ed25519 key pair for signing checkpoints: the
// private key in path (PKCS #8 PEM, mode 0600) and the public key beside it
// in path+".pub" (PKIX PEM), the one to hand to whoever verifies. It never
// overwrites a key.
func NewCheckpointKey(path string) error {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return review.Wrap(err, review.ErrInternal, "无法生成密钥")
	}
	privDER, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return review.Wrap(err, review.ErrInternal, "无法生成密钥")
	}
	pubDER, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return review.Wrap(err, review.ErrInternal, "无法生成密钥")
	}
	for _, f := range []struct {
		path, kind string
		der        []byte
		mode       os.FileMode
	}{{path, "PRIVATE KEY", privDER, 0o600}, {path + ".pub", "PUBLIC KEY", pubDER, 0o644}} {
		if err := writeNew(f.path, pem.EncodeToMemory(&pem.Block{Type: f.kind, Bytes: f.der}), f.mode); err != nil {
			return err
		}
	}
	return nil
}

// writeNew writes a file that must not exist yet.
func writeNew(path string, data []byte, mode os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if errors.Is(err, os.ErrExist) {
		return review.Errorf(review.ErrConflict, "%s 已存在：不覆盖已有的密钥，请换一个文件名", path)
	}
	if err != nil {
		return review.Wrap(err, review.ErrInvalid, "无法写入 %s", path)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return review.Wrap(err, review.ErrInternal, "无法写入 %s", path)
	}
	return nil
}

// LoadCheckpointKey reads the private key a checkpoint is signed with.
func LoadCheckpointKey(path string) (ed25519.PrivateKey, error) {
	der, err := readPEM(path, "PRIVATE KEY")
	if err != nil {
		return nil, err
	}
	k, err := x509.ParsePKCS8PrivateKey(der)
	if key, ok := k.(ed25519.PrivateKey); err == nil && ok {
		return key, nil
	}
	return nil, review.Errorf(review.ErrInvalid, "%s 不是 Ed25519 私钥：请用 prepubctl checkpoint --new-key 生成", path)
}

// LoadCheckpointPublicKey reads the public key a checkpoint is checked with.
func LoadCheckpointPublicKey(path string) (ed25519.PublicKey, error) {
	der, err := readPEM(path, "PUBLIC KEY")
	if err != nil {
		return nil, err
	}
	k, err := x509.ParsePKIXPublicKey(der)
	if key, ok := k.(ed25519.PublicKey); err == nil && ok {
		return key, nil
	}
	return nil, review.Errorf(review.ErrInvalid, "%s 不是 Ed25519 公钥：应为 prepubctl checkpoint --new-key 生成的 .pub 文件", path)
}

// readPEM returns the DER bytes of the first PEM block of kind in a file.
func readPEM(path, kind string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, review.Wrap(err, review.ErrInvalid, "无法读取密钥文件 %s", path)
	}
	blk, _ := pem.Decode(b)
	if blk == nil || blk.Type != kind {
		return nil, review.Errorf(review.ErrInvalid, "%s 不是 PEM 格式的%s（%s）", path, map[string]string{"PRIVATE KEY": "私钥", "PUBLIC KEY": "公钥"}[kind], kind)
	}
	return blk.Bytes, nil
}
