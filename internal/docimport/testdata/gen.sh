#!/bin/sh
# Regenerates the test documents of djkb import from the sources in src/:
# the Word files with pandoc (images from this folder), the GBK text file
# with iconv, with Windows line ends. The HTML and UTF-8 text files are
# written by hand. Run: sh gen.sh
set -e
cd "$(dirname "$0")"
for f in 红头规则 通知 编章节 印发通知; do
	pandoc --resource-path=. "src/$f.md" -o "$f.docx"
done
iconv -f UTF-8 -t GB18030 src/GBK规定.utf8.txt | sed 's/$/\r/' > GBK规定.txt
