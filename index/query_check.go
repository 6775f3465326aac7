package index

import "prepub/review"

// Check refuses a search no one can mean: a date range that ends before it
// starts, or a filter naming an attribute, basis or state that does not exist.
// Every backend checks through it (Archive.Search), so the window, the command
// and the office server refuse alike.
func (q Query) Check() error {
	if !q.From.IsZero() && !q.To.IsZero() && q.From.After(q.To) {
		return review.Errorf(review.ErrInvalid, "起始日期晚于截止日期：请检查日期范围")
	}
	if q.Attribute != "" && !review.Attribute(q.Attribute).Valid() {
		return review.Errorf(review.ErrInvalid, "公开属性“%s”无效：应为 public、on-request 或 withheld", q.Attribute)
	}
	if q.Basis != "" {
		if _, ok := review.LookupBasis(q.Basis); !ok {
			return review.Errorf(review.ErrInvalid, "不予公开依据“%s”无效", q.Basis)
		}
	}
	if q.State != "" && review.State(q.State).Chinese() == q.State {
		return review.Errorf(review.ErrInvalid, "状态“%s”无效", q.State)
	}
	if q.Limit < 0 {
		return review.Errorf(review.ErrInvalid, "结果条数不能为负")
	}
	return nil
}
