scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }
local many = {}
for i = 1, 100000 do many[i] = { "Choice " .. i, next = "e" } end
scene "a" { choices = many }
ending "e" { verdict = "success" }
-- limits: --max-call-ms 600000
