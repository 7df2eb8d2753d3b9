-- The scenario built step by step in docs/authoring.md ("A first scenario").
scenario {
  id = "coffee-cart",
  title = "The Coffee Cart App",
  summary = "A two-scene warm-up: one goal, one launch.",
  minutes = 3,
  start = "pitch",
  dimensions = {
    { id = "vision", name = "Vision", about = "Envisioning the product, setting objectives" },
    { id = "launch", name = "Launch", about = "Going to market, delivering value" },
  },
  roles = {
    { id = "po", name = "Product Owner", brief = "You own the goal and the backlog.",
      weights = { vision = 2 } },
    { id = "pm", name = "Product Manager", brief = "You own the market and the launch.",
      weights = { launch = 2 } },
  },
  stats = {
    { id = "cash", name = "Cash", unit = "k€", start = 20, min = 0 },
  },
  ratings = {
    { min = 70, label = "Well brewed" },
    { min = 0, label = "Needs another shot" },
  },
}

scene "pitch" {
  title = "The Pitch",
  phase = "Startup",
  text = [[
Lena runs three coffee carts and wants an app. "People queue for ten
minutes, {player}. Fix that."

You have {cash}k€.]],
  choices = {
    { "Agree on one goal: cut the queue from ten minutes to three",
      next = "launch",
      score = { vision = 3 },
      set = { "has_goal" },
      feedback = "A goal stated as an outcome gives every feature a test: does it cut the queue?" },
    { "Promise an app with loyalty points, pre-orders and a menu",
      next = "launch",
      score = { vision = -1 },
      effects = { cash = -8 },
      feedback = "A feature list is not a goal; it spends the budget before you know what works." },
  },
}

scene "launch" {
  title = "Opening Day",
  phase = "Launch",
  text = function(game)
    if game.flags.has_goal then
      return "Pre-ordering is built, nothing else. Cash left: {cash}k€."
    end
    return "Half of everything is built. Cash left: {cash}k€."
  end,
  choices = {
    { "Try it at one cart for a week and time the queue",
      next = "win",
      score = { launch = 3 },
      feedback = "A pilot with a success metric chosen in advance tells you whether to roll out." },
    { "Put posters on all three carts on day one",
      next = "meh",
      score = { launch = -1 },
      effects = { cash = -2 },
      feedback = "Launching everywhere at once, with no metric, teaches you nothing when it fails." },
  },
}

ending "win" { title = "Shorter Queues", verdict = "success", text = "The queue drops to four minutes." }
ending "meh" { title = "Busy, Not Better", verdict = "mixed", text = "People download the app, and still queue." }
