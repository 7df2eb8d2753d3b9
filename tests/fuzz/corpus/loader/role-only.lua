-- Recipe: role-only choices and scenes (docs/authoring.md). A choice with
-- role = "..." is offered to that role only; a branch only one role can
-- take leads to a scene only that role sees.
scenario {
  id = "role-only", title = "Role-only Choices", start = "standup",
  dimensions = { { id = "vision", name = "Vision" }, { id = "launch", name = "Launch" } },
  roles = { { id = "po", name = "Product Owner" }, { id = "pm", name = "Product Manager" } },
}
scene "standup" {
  title = "Stand-up",
  text = "The team asks what matters this week.",
  choices = {
    { "Restate the sprint goal and the acceptance criteria", role = "po", next = "po_room",
      score = { vision = 2 },
      feedback = "The PO keeps the team on one goal with a shared definition of done." },
    { "Share what the last customer call taught you", role = "pm", next = "pm_room",
      score = { launch = 2 },
      feedback = "The PM brings the market into the room so the team builds for it." },
    { "Let the team sort it out", next = "done", score = { vision = -1, launch = -1 },
      feedback = "Self-organising is not self-directing: the team still needs a why." },
  },
}
scene "po_room" {
  title = "Backlog Refinement (PO only)",
  text = "Three items lack acceptance criteria.",
  choices = { { "Write them with the developers", next = "done", score = { vision = 1 },
                feedback = "Criteria written together are criteria understood." } },
}
scene "pm_room" {
  title = "Launch Planning (PM only)",
  text = "Sales wants a date.",
  choices = { { "Give a range and the metric that decides it", next = "done", score = { launch = 1 },
                feedback = "A range with a decision rule is a promise you can keep." } },
}
ending "done" { title = "Friday", verdict = "success", text = "The week ends." }
