-- djkb import's pandoc filter: it leaves what Markdown for the site can
-- show. Images lose their sizes (which gfm could only write as HTML, and
-- the site drops HTML); a table with merged cells or several paragraphs in
-- a cell becomes a simple table, each cell its plain text, and says so on
-- standard error for djkb to list.

function Image(img)
  img.attributes = {}
  return img
end

local function simple(cell)
  return cell.row_span == 1 and cell.col_span == 1 and
    #cell.contents <= 1 and (#cell.contents == 0 or cell.contents[1].t == "Plain" or cell.contents[1].t == "Para")
end

local function empty(proto)
  return {attr = proto.attr, alignment = proto.alignment, contents = {}, row_span = 1, col_span = 1}
end

-- text is the plain text of blocks, list items and paragraphs apart.
local function text(blocks)
  local parts = {}
  for _, b in ipairs(blocks) do
    if b.t == "BulletList" or b.t == "OrderedList" then
      for _, item in ipairs(b.content) do table.insert(parts, text(item)) end
    else
      table.insert(parts, pandoc.utils.stringify(b))
    end
  end
  return table.concat(parts, " ")
end

local changed = false

local function flatten_rows(rows)
  local pending = {}
  for _, row in ipairs(rows) do
    local cells, col = {}, 1
    local function fill()
      while (pending[col] or 0) > 0 do
        pending[col] = pending[col] - 1
        table.insert(cells, empty(row.cells[1] or {}))
        col = col + 1
      end
    end
    for _, cell in ipairs(row.cells) do
      fill()
      if not simple(cell) then changed = true end
      local span, down = cell.col_span, cell.row_span
      cell.contents = {pandoc.Plain{pandoc.Str(text(cell.contents))}}
      cell.row_span, cell.col_span = 1, 1
      table.insert(cells, cell)
      for i = 0, span - 1 do
        if down > 1 then pending[col + i] = down - 1 end
        if i > 0 then table.insert(cells, empty(cell)) end
      end
      col = col + span
    end
    fill()
    row.cells = cells
  end
end

function Table(tbl)
  changed = false
  flatten_rows(tbl.head.rows)
  for _, body in ipairs(tbl.bodies) do
    flatten_rows(body.head)
    flatten_rows(body.body)
  end
  flatten_rows(tbl.foot.rows)
  if changed then io.stderr:write("djkb:table\n") end
  return tbl
end
