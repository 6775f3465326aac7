package index

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"prepub/review"
)

// CheckpointFormat names the checkpoint file's format and is the first line
// of the message its signature covers.
const CheckpointFormat = "prepub-checkpoint/1"

// Checkpoint anchors the audit chain outside the database: the sequence and
// hash of its last entry at a moment, signed with the office's Ed25519 key.
// Kept where the database's administrator cannot rewrite it, it shows any
// later rewrite of the chain (rows changed and every hash recomputed) or
// removal of its tail, which the chain alone cannot.
//
// The file is JSON. The signature (base64, Ed25519) covers the lines
// format, archive, seq, head and at, each ended by "\n". The public key in
// the file only says who signed; a check trusts the key it is given.
type Checkpoint struct {
	Format    string `json:"format"`
	Archive   string `json:"archive"` // hash of the chain's first entry: which archive this is
	Seq       int64  `json:"seq"`     // the head's sequence number
	Head      string `json:"head"`    // the head's hash
	At        string `json:"at"`      // when it was taken, RFC 3339, UTC
	PublicKey string `json:"public_key"`
	Signature string `json:"signature"`
}

func (c *Checkpoint) message() []byte {
	return fmt.Appendf(nil, "%s\n%s\n%d\n%s\n%s\n", c.Format, c.Archive, c.Seq, c.Head, c.At)
}

// Checkpoint reads the audit chain, checks that every link holds, and returns
// its head signed with key. A broken chain is not signed: that would anchor
// the break.
func (s *Store) Checkpoint(ctx context.Context, key ed25519.PrivateKey) (*Checkpoint, error) {
	entries, err := s.Audit(ctx, 0)
	if err != nil {
		return nil, err
	}
	c := &Checkpoint{Format: CheckpointFormat, Head: genesis, At: s.now().UTC().Format(time.RFC3339)}
	prev := genesis
	for i, e := range entries {
		if problem := linkProblem(e, int64(i+1), prev); problem != "" {
			return nil, review.Errorf(review.ErrConflict, "%s：不签发检查点，请先运行 prepubctl verify 查明", problem)
		}
		prev = e.Hash
	}
	if n := len(entries); n > 0 {
		c.Archive, c.Seq, c.Head = entries[0].Hash, entries[n-1].Seq, entries[n-1].Hash
	}
	c.PublicKey = base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey))
	c.Signature = base64.StdEncoding.EncodeToString(ed25519.Sign(key, c.message()))
	return c, nil
}

// CheckCheckpoint says, in Chinese, why the chain no longer reaches the head
// c was signed for, or why c cannot be trusted (another key, a bad
// signature); it returns "" when the chain still reaches it. trusted is the
// public key the caller trusts, never the one the file carries.
func (s *Store) CheckCheckpoint(ctx context.Context, c *Checkpoint, trusted ed25519.PublicKey) (string, error) {
	if c.Format != CheckpointFormat {
		return fmt.Sprintf("检查点文件的格式 %q 无法识别（应为 %s）", c.Format, CheckpointFormat), nil
	}
	if c.PublicKey != "" && c.PublicKey != base64.StdEncoding.EncodeToString(trusted) {
		return "检查点不是用受信任的密钥签发的：其中的公钥与 --key 给出的不同", nil
	}
	sig, err := base64.StdEncoding.DecodeString(c.Signature)
	if err != nil || !ed25519.Verify(trusted, c.message(), sig) {
		return "检查点的签名无效：检查点文件被改动过，或不是用受信任的密钥签发的", nil
	}
	if c.Seq == 0 {
		return "", nil
	}
	entries, err := s.readAudit(ctx, s.db, `SELECT seq, at, actor, action, draft_id, content_hash, prev_hash, hash FROM audit WHERE seq IN (1, $1) ORDER BY seq`, c.Seq)
	if err != nil {
		return "", err
	}
	byseq := map[int64]string{}
	for _, e := range entries {
		byseq[e.Seq] = e.Hash
	}
	switch head, ok := byseq[c.Seq]; {
	case byseq[1] != c.Archive:
		return fmt.Sprintf("审计链第 1 条与 %s 的检查点不符：检查点属于另一个档案库，或审计链从头被重新计算过", c.At), nil
	case !ok:
		return fmt.Sprintf("审计链短于 %s 的检查点：检查点记下了第 %d 条，库中已没有这一条（末尾的审计记录被删除）", c.At, c.Seq), nil
	case head != c.Head:
		return fmt.Sprintf("审计链第 %d 条与 %s 的检查点不符：此前的记录被改写，审计链被重新计算过", c.Seq, c.At), nil
	}
	return "", nil
}

// ReadCheckpoint reads a checkpoint file.
func ReadCheckpoint(path string) (*Checkpoint, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, review.Wrap(err, review.ErrNotFound, "无法读取检查点文件 %s", path)
	}
	var c Checkpoint
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, review.Wrap(err, review.ErrInvalid, "检查点文件 %s 已损坏，无法读取", path)
	}
	return &c, nil
}

// Write writes the checkpoint to path, whole or not at all.
func (c *Checkpoint) Write(path string) error {
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".checkpoint-*")
	if err != nil {
		return review.Wrap(err, review.ErrInternal, "无法写入检查点文件 %s", path)
	}
	_, err = tmp.Write(append(b, '\n'))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return review.Wrap(err, review.ErrInternal, "无法写入检查点文件 %s", path)
	}
	return nil
}
