scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) local row = {} for j = 1, 1000 do row[j] = j end local t = {} for i = 1, math.huge do t[i] = { table.unpack(row) } end end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- Rows of 1,000 numbers (16 KiB each, built in C by the table constructor)
-- reach the memory limit in about 0.05 s: far inside the 500 ms limit of a call,
-- so memory, not the clock, ends it. (A table per number took 0.3 s with
-- AddressSanitizer, too close to the clock.)
-- limits: --max-call-ms 600000 --max-instructions 100000000000
