-- A scene whose text fills a screen at any size: the benchmark's window
-- figures (tools/bench/run, docs/performance.md) lay it out and draw it.
scenario {
  id = "bench-fullscreen",
  title = "Benchmark, a full screen of text",
  start = "wall",
  dimensions = { { id = "vision", name = "Vision" } },
  roles = { { id = "po", name = "Product Owner", brief = "You read a lot." } },
  stats = { { id = "morale", name = "Team morale", start = 60 } },
}

scene "wall" {
  title = "A wall of text",
  text = [=[
Each team what because each every says today pays week it someone ships to and customers ships someone it customers feature why ships for feature ships the roadmap pays every the team the feature the every someone roadmap what week someone today team because it someone customers pays second the matters team release the notice notice changed and the it week and the what to customers for ships someone team. Morale stands at {morale}, and *this* paragraph is 1 of 4.

The each someone customers who ships and week each every a who changed changed why who week customers each team the to today ships who the the it second the second week changed for second the who why week says a notice the a ships says someone the who why today release a for what to for who changed team to why why team matters a the ships a week. Morale stands at {morale}, and *this* paragraph is 2 of 4.

Matters each and pays who matters who second ships matters changed a notice team notice feature changed feature today the notice customers second someone the week because says each team and customers and release for ships because because feature each someone pays notice week what roadmap feature customers release the feature who each each it the customers because someone roadmap who for today notice because ships who the and matters. Morale stands at {morale}, and *this* paragraph is 3 of 4.

The the customers feature it a to customers each a to ships what second week release says it team customers the each what who someone each says every customers changed someone every the release it a it each why matters matters the someone today ships every for why a the because notice it and because and it feature the feature the to the second the says customers release week says. Morale stands at {morale}, and *this* paragraph is 4 of 4.]=],
  choices = {
    { "Read it again", next = "wall", score = { vision = 1 }, effects = { morale = 1 },
      feedback = "Reading twice is sometimes the right call." },
    { "Summarise it for the team", next = "done", score = { vision = 2 }, effects = { morale = 2 },
      feedback = "A summary the team can repeat is worth a page." },
  },
}

ending "done" {
  title = "Done",
  text = "Vision at {vision}.",
  verdict = "success",
}
