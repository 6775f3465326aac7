package client

import (
	"encoding/json"
	"fmt"

	"prepub/review"
)

// refusal turns a refused answer into a review.Error that keeps the code and
// message the server sent; only when the body has none (a proxy's page, a
// cut connection) does the status decide the code, by review's one table.
func refusal(status int, body []byte) error {
	var e struct{ Code, Message string }
	json.Unmarshal(body, &e)
	if e.Code == "" {
		e.Code = review.StatusCode(status)
	}
	if e.Message == "" {
		e.Message = fmt.Sprintf("服务器拒绝了请求（%d）", status)
	}
	return &review.Error{Code: e.Code, Message: e.Message}
}
