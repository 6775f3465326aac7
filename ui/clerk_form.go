package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"prepub/review"
)

// newDecisionPane builds the right side: the decision form with its live check, and the returned drafts.
func (s *ClerkScreen) newDecisionPane() fyne.CanvasObject {
	s.title = newClerkEntry(false, s.onShortcut)
	s.title.SetPlaceHolder(lang.L("公文标题"))
	s.title.OnChanged = s.onFieldChanged
	attrs := make([]string, len(review.Attributes))
	for i, a := range review.Attributes {
		attrs[i] = a.Chinese()
	}
	s.attr = widget.NewRadioGroup(attrs, s.onAttributeChanged)
	s.attr.Horizontal = true
	bases := make([]string, len(review.Bases))
	for i, b := range review.Bases {
		bases[i] = b.Label()
	}
	s.basis = newSelect(bases, s.onFieldChanged)
	s.basis.PlaceHolder = lang.L("不予公开时选择法律依据")
	s.reason = newClerkEntry(true, s.onShortcut)
	s.reason.SetPlaceHolder(lang.L("依法说明理由：为何这样确定公开属性"))
	s.reason.SetMinRowsVisible(4)
	s.reason.OnChanged = s.onFieldChanged
	s.policy = widget.NewCheck(lang.L("政策性文件"), s.onPolicyChanged)
	s.attach = widget.NewButtonWithIcon(lang.L("附上政策解读…"), theme.ContentAddIcon(), s.onAttachTapped)
	s.attachLabel = newWrapLabel("")
	s.attachLabel.Hide()
	s.important = widget.NewCheck(lang.L("重要信息"), s.onCheckChanged)
	docTypes := make([]string, len(review.DocTypes))
	for i, d := range review.DocTypes {
		docTypes[i] = d.Chinese()
	}
	s.docType = newSelect(docTypes, nil)
	s.docType.SetSelected(review.DocOther.Chinese())
	s.docType.OnChanged = s.onFieldChanged

	s.form = widget.NewForm(
		widget.NewFormItem(lang.L("标题"), s.title),
		widget.NewFormItem(lang.L("公开属性"), s.attr),
		widget.NewFormItem(lang.L("法律依据"), s.basis),
		widget.NewFormItem(lang.L("理由"), s.reason),
		widget.NewFormItem("", container.NewVBox(container.NewHBox(s.policy, s.attach), s.attachLabel)),
		widget.NewFormItem(lang.L("文件类型"), s.docType),
		widget.NewFormItem("", s.important),
	)
	s.result = newWrapLabel("")
	s.result.Hide()
	s.returns = newWrapLabel("")
	s.hints = newWrapLabel("")
	s.hints.Importance = widget.LowImportance
	check := widget.NewLabel(lang.L("退文检查"))
	check.TextStyle = fyne.TextStyle{Bold: true}
	s.formScroll = container.NewVScroll(container.NewVBox(s.result, s.form, s.withheld.box, widget.NewSeparator(), check, s.returns, s.hints))

	s.submit = widget.NewButtonWithIcon(lang.L("提交"), theme.MailSendIcon(), s.onSubmitTapped)
	s.submit.Importance = widget.HighImportance
	s.why = newWrapLabel("")
	s.why.Importance = widget.DangerImportance
	bottom := container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, s.submit, nil, s.why))
	s.formTab = container.NewTabItem(lang.L("审查决定"), container.NewBorder(nil, bottom, nil, nil, s.formScroll))

	s.list = newHelpList(s.queueLen, s.newQueueItem, s.updateQueueItem)
	s.list.OnSelected = s.onReturnedSelected
	note := newWrapLabel(lang.L("被退回、待您修改的草稿。选择一份即可载入修改，原先填写的内容都在。"))
	s.queueTab = container.NewTabItem(lang.L("退回的草稿"), container.NewBorder(note, nil, nil, nil, s.list))
	s.mine = NewMineScreen(s.win, s.svc, s.sess)
	s.tabs = container.NewAppTabs(s.formTab, s.queueTab, container.NewTabItem(lang.L("我的草稿"), s.mine.Content()))
	return s.tabs
}

// Decision returns the decision as the form states it.
func (s *ClerkScreen) Decision() review.Decision {
	dec := s.keep
	dec.Attribute = clerkAttribute(s.attr.Selected)
	dec.Basis = ""
	if dec.Attribute == review.Withheld {
		dec.Basis = clerkBasisCode(s.basis.Selected)
	}
	dec.Reason = strings.TrimSpace(s.reason.Text)
	dec.Title = strings.TrimSpace(s.title.Text)
	dec.Policy = s.policy.Checked
	dec.Interpretation = nil
	if dec.Policy {
		dec.Interpretation = s.interp
	}
	dec.Important = s.important.Checked
	dec.DocType = clerkDocType(s.docType.Selected)
	dec.Normative = dec.DocType == review.DocNormative
	dec.Redactions = s.withheld.redactions()
	return dec
}

// Returns returns the return reasons the rules give for the form as it stands.
func (s *ClerkScreen) Returns() []review.Return { return s.outcome.Returns }

// CanSubmit reports whether the submit button is enabled.
func (s *ClerkScreen) CanSubmit() bool { return !s.submit.Disabled() }

// Why returns what the label next to the submit button says.
func (s *ClerkScreen) Why() string { return s.why.Text }

// Result returns what the screen says about the last submission or the reloaded returned draft.
func (s *ClerkScreen) Result() string { return s.result.Text }

// onFieldChanged re-checks the decision after any change in the form.
func (s *ClerkScreen) onFieldChanged(string) { s.recheck() }

// onCheckChanged re-checks the decision after a check box changes.
func (s *ClerkScreen) onCheckChanged(bool) { s.recheck() }

// onAttributeChanged enables the basis for a withholding and re-checks.
func (s *ClerkScreen) onAttributeChanged(string) {
	s.syncBasis()
	s.recheck()
}

// syncBasis enables the basis only for a withholding; the value chosen is kept either way.
func (s *ClerkScreen) syncBasis() {
	if clerkAttribute(s.attr.Selected) == review.Withheld {
		s.basis.Enable()
	} else {
		s.basis.Disable()
	}
	s.form.Refresh() // its labels follow their fields' enabled state
}

// onPolicyChanged enables the interpretation button for a policy document and re-checks.
func (s *ClerkScreen) onPolicyChanged(bool) {
	if s.policy.Checked {
		s.attach.Enable()
	} else {
		s.attach.Disable()
	}
	s.recheck()
}

// recheck asks the rules what a submission of the form would give, shows the return reasons
// and hints, and enables the submit button only when there are none.
func (s *ClerkScreen) recheck() {
	if s.filling {
		return
	}
	s.syncLock()
	if s.draft.Report == nil {
		s.outcome = review.Outcome{}
		s.returns.SetText(lang.L("打开草稿后，这里会随填写随时列出会被退文的原因。"))
		s.hints.SetText("")
		s.setSubmit(lang.L("请先打开要送审的草稿"))
		return
	}
	s.outcome = s.svc.rules().Check(s.draft, s.Decision())
	var b strings.Builder
	switch {
	case s.done != nil:
		s.returns.Importance = widget.SuccessImportance
		b.WriteString(lang.L("已提交，审签流程见上方。"))
	case s.outcome.Result == review.Unreadable: // the reason is in the verdict above: not repeated here
		s.returns.Importance = widget.DangerImportance
		b.WriteString(lang.L("未经检查的文件不能送审：请换一份可读取文字的文件重新打开。"))
	case len(s.outcome.Returns) > 0:
		s.returns.Importance = widget.DangerImportance
		b.WriteString(lang.L("按现在填写的内容提交会被退文："))
		for _, r := range s.outcome.Returns {
			b.WriteString("\n• " + r.Message)
		}
	default:
		s.returns.Importance = widget.SuccessImportance
		b.WriteString(lang.L("没有退文原因，可以提交。"))
		if len(s.outcome.Route) > 0 {
			roles := make([]string, len(s.outcome.Route))
			for i, st := range s.outcome.Route {
				roles[i] = st.Role.Chinese()
			}
			b.WriteString(lang.L("\n提交后依次送：") + strings.Join(roles, " → "))
		}
	}
	s.returns.SetText(b.String())
	var h []string
	if s.outcome.Important {
		h = append(h, lang.L("按重要信息办理：")+strings.Join(s.outcome.ImportantWhy, "；"))
	}
	for _, hint := range s.outcome.Hints {
		h = append(h, lang.L("提示：")+hint)
	}
	s.hints.SetText(strings.Join(h, "\n"))
	switch {
	case s.busy:
		s.setSubmit(lang.L("正在提交…"))
	case s.done != nil:
		s.setSubmit(fmt.Sprintf(lang.L("已提交（第 %d 号），请打开下一份草稿"), s.done.ID))
	case s.outcome.Result == review.Unreadable:
		s.setSubmit(lang.L("文件未经检查，不能提交"))
	case len(s.outcome.Returns) > 0:
		s.setSubmit(s.outcome.Returns[0].Message)
	default:
		s.setSubmit("")
	}
}

// setSubmit enables the submit button when there is no reason it may not be pressed, else says the reason.
func (s *ClerkScreen) setSubmit(why string) {
	s.why.Importance = widget.MediumImportance
	if len(s.outcome.Returns) > 0 && why == s.outcome.Returns[0].Message {
		s.why.Importance = widget.DangerImportance
	}
	s.why.SetText(why)
	if why == "" {
		s.submit.Enable()
	} else {
		s.submit.Disable()
	}
}

// setResult shows or hides the line about the last submission.
func (s *ClerkScreen) setResult(text string, imp widget.Importance) {
	s.result.Importance = imp
	s.result.SetText(text)
	if text == "" {
		s.result.Hide()
	} else {
		s.result.Show()
	}
}

// clearForm empties the decision form; nothing is preselected.
func (s *ClerkScreen) clearForm() {
	s.filling = true
	s.title.SetText("")
	s.attr.SetSelected("")
	s.basis.ClearSelected()
	s.syncBasis()
	s.reason.SetText("")
	s.policy.SetChecked(false)
	s.attach.Disable()
	s.setAttachment(nil)
	s.important.SetChecked(false)
	s.docType.SetSelected(review.DocOther.Chinese())
	s.autoTitle = ""
	s.filling = false
}

// fillForm puts a decision back into the form.
func (s *ClerkScreen) fillForm(dec review.Decision, title string) {
	s.clearForm()
	s.filling = true
	s.title.SetText(title)
	if dec.Attribute.Valid() {
		s.attr.SetSelected(dec.Attribute.Chinese())
	}
	s.syncBasis()
	if b, ok := review.LookupBasis(dec.Basis); ok {
		s.basis.SetSelected(b.Label())
	}
	s.reason.SetText(dec.Reason)
	s.policy.SetChecked(dec.Policy)
	if dec.Policy {
		s.attach.Enable()
	}
	s.setAttachment(dec.Interpretation)
	s.important.SetChecked(dec.Important)
	s.docType.SetSelected(dec.Kind().Chinese())
	s.filling = false
}

// clerkAttribute maps an attribute's Chinese name back to its code, "" for none.
func clerkAttribute(chinese string) review.Attribute {
	for _, a := range review.Attributes {
		if a.Chinese() == chinese {
			return a
		}
	}
	return ""
}

// clerkDocType maps a document type's Chinese name back to its code.
func clerkDocType(chinese string) review.DocType {
	for _, d := range review.DocTypes {
		if d.Chinese() == chinese {
			return d
		}
	}
	return review.DocOther
}

// clerkBasisCode maps a basis label back to its code, "" for none.
func clerkBasisCode(label string) string {
	b, _ := review.BasisByLabel(label)
	return b.Code
}
