-- Recipe: a negotiation loop (docs/authoring.md). The same scene is entered
-- round after round; hidden stats hold the other side's position, drawn
-- with game.random so each seed is a different counterpart.
scenario {
  id = "negotiation-loop", title = "Negotiation Loop", start = "round",
  dimensions = { { id = "negotiation", name = "Negotiation" } },
  roles = { { id = "pm", name = "Product Manager" } },
  stats = {
    { id = "offer", name = "Offer", unit = "k€", start = 60 },
    { id = "budget", name = "Their budget", start = 0, hidden = true },
    { id = "patience", name = "Their patience", start = 3, min = 0, hidden = true },
  },
}
scene "round" {
  title = "Another Round",
  on_enter = function(game)
    if game.visits.round == 1 then
      game.stats.budget = game.random(66, 74)  -- the hidden walk-away point
    end
  end,
  text = "The hiring manager offers {offer}k€.",
  choices = {
    { "Counter at 75k€, with the market data you researched", once = true, next = "round",
      score = { negotiation = 2 },
      act = function(game) game.stats.offer = math.min(game.stats.budget, game.stats.offer + 8) end,
      feedback = "Anchoring with a researched number moves the whole range in your favour." },
    { "Stay silent and wait", next = "round",
      when = function(game) return game.stats.patience > 0 end,
      score = { negotiation = 1 },
      act = function(game)
        game.stats.patience = game.stats.patience - 1
        game.stats.offer = math.min(game.stats.budget, game.stats.offer + 2)
      end,
      feedback = "Silence makes the other side fill the gap, until their patience runs out." },
    { "Accept", next = "deal", score = { negotiation = 0 },
      feedback = "Accepting ends the talk; the question is whether you left value on the table." },
  },
}
ending "deal" { title = "Deal", verdict = "success", text = "You sign at {offer}k€." }
