scenario {
  id = "fx", title = "Fixture", start = "a",
  dimensions = { { id = "vision", name = "Vision" }, { id = "roadmap", name = "Roadmap" } },
  roles = { { id = "po", name = "Product Owner" }, { id = "pm", name = "Product Manager" } },
  stats = { { id = "runway", name = "Runway", start = 12, min = 0, max = 24 } },
}
scene "a" {
  title = "A"
  choices = { { "x", next = "e" } },
}
ending "e" { title = "End", text = "Bye.", verdict = "success" }
