scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) local s = ("x"):rep(2^20) for i = 1, 4 do s = s .. s end while true do local u = s:upper() end end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- Each instruction copies 16 MiB in C: the clock is checked after large
-- allocations, not only every 1,000 instructions (250 copies, seconds).
-- limits: --max-instructions 100000000000 --max-memory 512
