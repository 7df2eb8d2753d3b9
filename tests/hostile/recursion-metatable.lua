scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e", act = function(game) local t = setmetatable({}, {}) getmetatable(t).__index = function(s, k) return s[k] end return t.x end } },
}
ending "e" { verdict = "success", text = "Bye." }
-- limits: --max-call-ms 600000 --max-instructions 100000000000
