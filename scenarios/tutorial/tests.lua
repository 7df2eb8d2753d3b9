-- Playthrough tests for the tutorial: scaleup test tutorial runs them.
-- Choices are named by id, so the shuffled order changes nothing here.
-- The first two are the exact best for each role; the greedy runs (the most
-- points at every step) show why judgment pays: they end 11 and 13 or more points short.
playthrough { name = "best PO path: calls first, WSJF on Jonas's sizes, a staged launch", role = "po", seed = 1,
  choices = { "call_first", "co_design", "ask_sizes", "criteria", "wsjf", "say_no", "staged", "counter", "retention_goal" },
  expect = { ending = "scale_up", verdict = "success", weighted = 40,
             score = { vision = 9, roadmap = 7, launch = 4, negotiation = 4 }, stats = { users = 5, morale = 75 } } }
playthrough { name = "best PM path: a free pilot, then a paid one, then sell on proof", role = "pm", seed = 1,
  choices = { "call_first", "free_pilot", "ask_sizes", "wsjf", "paid_pilot", "staged", "trade_scope", "sell_more" },
  expect = { ending = "scale_up", verdict = "success", weighted = 38, turns = 8,
             score = { vision = 1, roadmap = 7, launch = 8, negotiation = 7 } } }
playthrough { name = "greedy PO: the guessed goal costs the slack, the staged launch is gone", role = "po", seed = 1,
  choices = { "goal_now", "interview", "value_effort", "say_no", "launch_all", "counter", "retention_goal" },
  expect = { weighted = 29, stats = { morale = 45 }, flags = { guessed_goal = true, called = false } } }
playthrough { name = "a greedy PM: the promise comes due, and there is no pilot to sell on", role = "pm", seed = 1,
  choices = { "goal_now", "promise_all", "value_effort", "tradeoff", "launch_all", "trade_scope", "sell_guess" },
  expect = { ending = "burnout", weighted = 23, flags = { overpromised = true, pilot = false } } }
playthrough { name = "chasing every customer", role = "pm", seed = 4,
  choices = { "whiteboard", "promise_all", "side_by_side", "say_yes", "slip_silently", "ultimatum", "sell_guess" },
  expect = { ending = "burnout", verdict = "failure", flags = { overpromised = true, chain_deal = true } } }
playthrough { name = "steady but vague: a broad pitch, a guessed order, the first offer", role = "po", seed = 2,
  choices = { "whiteboard", "interview", "value_effort", "say_no", "staged", "accept", "retention_goal" },
  expect = { ending = "steady", weighted = 22 } }
