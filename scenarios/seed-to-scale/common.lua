-- Helpers shared by every phase. The same file is in seed-to-scale and in
-- seed-to-scale-workshop (a test checks the copies are identical): edit it
-- in seed-to-scale and copy it over. CUT, set by each main.lua, is "full" or
-- "workshop"; the workshop cut skips some scenes (see the next functions).
--
-- They are globals so that every included file can use them; during play
-- they are read-only.

-- Time passing is a "Meanwhile" change in a scene's on_enter (never in a
-- choice or a next function): months of burn, the market moving. This
-- takes the months off the runway.
function burn(game, months)
  game.stats.runway = game.stats.runway - months
end

-- Where a phase's first decision leads: the first time the money has run
-- out (the on_enter burn took the runway to zero), that phase's cash crunch
-- ("crunch_growth", "crunch_launch" or "crunch_scale"); the second time, the
-- end. A team too tired to go on is the end too. Otherwise, the scene asked
-- for. Routing only: no stat changes here. Written as
--   next = function(game) return after(game, "crunch_growth", "climacore") end
-- so that every scene id a next function can lead to is named in its code.
function after(game, crunch, target)
  if game.stats.runway <= 0 then
    if game.flags.crunched then return "out_of_cash" end
    return crunch
  end
  if game.stats.morale <= 20 then return "exodus" end
  return target
end

-- Solo, the player sees their own role's scenes; in a duet both are played,
-- the Product Owner's first.
function po_turn(game)
  return game.duet or game.role == "po"
end

-- The other product person in the Scale phase. Solo, Jordan Reyes plays the
-- role the player doesn't; in a duet the other player does, so the text
-- names the role instead.
function the_pm(game)
  if game.duet then return "the Product Manager" end
  return "Jordan"
end
function the_po(game)
  if game.duet then return "the Product Owner" end
  return "Jordan"
end

-- Monthly revenue in k$, from the customer count and what they pay.
-- Small accounts pay about $180 a month before the Teams plan (six
-- technicians at $29). In the months after the Teams launch, customers move
-- to it gradually (about $300 on average); by the Scale phase most have (about
-- $450, more with a tested price, less with a cheap one). ClimaCore pays on
-- its own terms: $240k a year on the big contract, $24k for the pilot, and
-- $660k a year for all its branches from year four.
function update_revenue(game)
  local per = 0.18
  local scale = game.flags.split_started
  if game.flags.teams_live then
    per = scale and 0.45 or 0.3
    if game.flags.price_tested then per = per + 0.05 end
    if game.flags.cheap_price then per = per - 0.12 end
  end
  local enterprise = 0
  if game.flags.climacore_churned then
    enterprise = 0
  elseif game.flags.renewed then
    enterprise = game.flags.renewal_discount and 39 or 55
  elseif scale then
    enterprise = 55
  elseif game.flags.climacore_contract then
    enterprise = 20
  elseif game.flags.climacore_pilot then
    enterprise = 2
  end
  game.stats.revenue = math.floor(game.stats.customers * per + enterprise + 0.5)
end

-- ClimaCore's $660k a year as a share of revenue, in percent.
function climacore_share(game)
  if game.stats.revenue <= 0 then return 100 end
  return math.min(100, 55 * 100 // game.stats.revenue)
end
