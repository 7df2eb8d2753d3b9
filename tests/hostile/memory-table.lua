scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) local row = {} for j = 1, 1000 do row[j] = j end local t = {} for i = 1, math.huge do t[i] = { table.unpack(row) } end end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- Rows of 1,000 numbers (16 KiB each, built in C by the table constructor).
-- The clock and the instruction count are raised out of reach, so memory
-- alone ends it, on a loaded machine too.
-- limits: --max-memory 16 --max-call-ms 600000 --max-instructions 100000000000
