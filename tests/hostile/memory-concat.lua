scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) local s = "xy" while true do s = s .. s end end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- limits: --max-memory 16 --max-call-ms 600000 --max-instructions 100000000000
