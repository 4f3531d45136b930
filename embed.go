// Package djkb holds the default templates and assets that every site gets:
// this repository's layouts/ and static/ folders, embedded in the binary. A
// site's own layouts/ and static/ override them file by file.
package djkb

import "embed"

// Defaults holds layouts/ and static/.
//
//go:embed layouts static
var Defaults embed.FS
