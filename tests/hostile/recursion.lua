scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) local function f(n) return f(n + 1) + 1 end return f(1) end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- limits: --max-call-ms 600000 --max-instructions 100000000000
