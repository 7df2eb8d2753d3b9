-- Playthrough tests for judgment.lua: scaleup test docs/examples/recipes/judgment.lua.
-- Choices by id: they name the same options whatever order a seed shows.
playthrough { name = "the September promise", role = "po", seed = 1,
              choices = { "promise_sept", "two", "show" },
              expect = { ending = "review", stats = { trust = 30, weeks = 2 }, score = { negotiation = 3 } } }
playthrough { name = "a date after discovery", role = "po", seed = 2,
              choices = { "date_later", "Two weeks", "show" },
              expect = { ending = "review", stats = { trust = 50 }, weighted = 7 } }
