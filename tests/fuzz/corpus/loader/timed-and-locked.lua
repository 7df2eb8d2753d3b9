-- Recipe: a timed decision and a locked choice (docs/authoring.md).
scenario {
  id = "timed-and-locked", title = "Timed and Locked", start = "incident",
  dimensions = { { id = "launch", name = "Launch" } },
  roles = { { id = "pm", name = "Product Manager" } },
  stats = { { id = "trust", name = "Customer trust", start = 50, min = 0, max = 100 } },
}
scene "incident" {
  title = "Live Incident",
  timer = 60,                 -- a visible countdown in the window
  timeout = 3,                -- when it runs out, choice 3 is taken
  text = "Checkout is down. Support is flooded.",
  choices = {
    { "Roll back to yesterday's release", next = "after", score = { launch = 3 }, set = { "rolled_back" },
      feedback = "A rollback plan prepared before the launch is what makes this a one-minute decision." },
    { "Post a status update, then investigate", next = "after", score = { launch = 1 },
      effects = { trust = 5 },
      feedback = "Telling customers early protects trust, but the outage goes on meanwhile." },
    { "Wait for engineering to find the cause", next = "after", score = { launch = -2 },
      effects = { trust = -20 },
      feedback = "Waiting is also a decision, and the most expensive one here." },
  },
}
scene "after" {
  title = "The Post-mortem",
  text = "Trust is at {trust}.",
  choices = {
    { "Publish the post-mortem with the rollback timeline", requires = { "rolled_back" },
      locked = "Only after a rollback", next = "end", score = { launch = 2 },
      feedback = "A blameless post-mortem with facts turns an outage into credibility." },
    { "Move on to the next feature", next = "end", score = { launch = -1 },
      feedback = "Skipping the post-mortem means the next incident starts from zero." },
  },
}
ending "end" { title = "Back to Normal", verdict = "mixed", text = "Checkout is back." }
