scenario { id = "hostile", title = "Hostile", start = "a", dimensions = { { id = "v" } }, roles = { { id = "po" } }, stats = { { id = "n", start = 0 } } }
big = {} for i = 1, 1e9 do big[i] = ("row " .. i):rep(100) end
scene "a" {
  text = "Hi.",
  choices = { { "Go", next = "e" } },
}
ending "e" { verdict = "success", text = "Bye." }
-- Rows of about 700 bytes reach the memory limit quickly. The clock and the
-- instruction count are raised out of reach, so memory alone ends it, on a
-- loaded machine too; a 16 MiB limit keeps it cheap under AddressSanitizer.
-- limits: --max-memory 16 --max-call-ms 600000 --max-instructions 100000000000
