scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) return ("a"):rep(100000):match("(.-)(.-)(.-)(.-)b") end } },
}
ending "e" { verdict = "success", text = "Bye." }
