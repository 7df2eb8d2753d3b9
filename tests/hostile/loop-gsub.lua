scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) local s = ("ab"):rep(10000) while true do s = s:gsub("a", "a") end end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- Each call reads 20,000 bytes in C, which the instruction count does not
-- see: gsub is priced by that work (a step per byte read), so the loop runs
-- out of instructions after about 25 calls (of a 1,000,000 budget, kept
-- small to keep the test cheap), exactly, on any machine.
-- limits: --max-call-ms 600000 --max-instructions 1000000
