scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }
big = {} for i = 1, 1e9 do big[i] = ("row " .. i):rep(100) end
scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e" } },
}
ending "e" { verdict = "success", text = "Bye." }
-- Rows of about 700 bytes reach the memory limit in about 0.1 s (0.2 s with
-- AddressSanitizer): far inside the 1.5 s limit on loading, so memory, not the
-- clock, ends it on a loaded machine too. (Rows of 10 bytes took 1 s.)
-- limits: --max-call-ms 600000 --max-instructions 100000000000
