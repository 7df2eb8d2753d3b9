scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }

scene "a" { choices = { { "Go", next = function(game) while true do end end } } }
ending "e" { verdict = "success" }
-- limits: --max-call-ms 600000
