scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) local r = ("%0"):rep(500000) while true do local s = ("xxxxxxxxxx"):gsub("", r) end end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- A 10-byte subject, 11 empty matches, each reading a 1 MB replacement:
-- each call is priced by that work, so the loop runs out of instructions
-- (a budget of 1,000,000, to keep the test cheap).
-- limits: --max-call-ms 600000 --max-instructions 1000000
