package markdown

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// taskCheckBoxRenderer renders a task list's checkbox with a name, so that
// a screen reader says 已完成 or 未完成 even without JavaScript; goldmark's
// own renderer leaves it unnamed.
type taskCheckBoxRenderer struct{}

func (taskCheckBoxRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTaskCheckBox, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if n.(*east.TaskCheckBox).IsChecked {
				w.WriteString(`<input checked="" disabled="" type="checkbox" aria-label="已完成"> `)
			} else {
				w.WriteString(`<input disabled="" type="checkbox" aria-label="未完成"> `)
			}
		}
		return ast.WalkContinue, nil
	})
}
