-- A Word paragraph in the Title style is read into the document's metadata,
-- which gfm does not write: put it back as the first heading, where djkb
-- import looks for the title.
function Pandoc(doc)
  local title = doc.meta.title
  if title then
    table.insert(doc.blocks, 1, pandoc.Header(1, pandoc.utils.stringify(title)))
  end
  return doc
end
