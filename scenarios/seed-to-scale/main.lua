-- Seed to Scale: the flagship ScaleUp scenario.
--
-- Four years at Fieldnote, an app that lets plumbing, electrical and HVAC
-- crews finish their paperwork on site. The player is its product person
-- from the kitchen-table months to a scale-up where the Product Owner and
-- Product Manager jobs have split.
--
-- Files:
--   main.lua     the scenario, shared helpers, includes
--   startup.lua  phase 1: vision, first users, the first hire, the seed round
--   growth.lua   phase 2: backlog, a big customer, flow, debt, the board
--   launch.lua   phase 3: strategy, pricing, go-to-market, a slipping date
--   scale.lua    phase 4: the PO/PM split, the tug-of-war, pay, career
--   endings.lua  the eight endings
--
-- The company's state lives in stats (shown in the HUD) and flags. Scores
-- judge each decision on its merits; the delayed consequences of a choice
-- travel through the stats and flags, and the broke() checks below turn an
-- empty bank account or an exhausted team into an ending.

scenario {
  id = "seed-to-scale",
  title = "Seed to Scale",
  summary = "Four years at Fieldnote, from a kitchen table to a scale-up where the Product "
         .. "Owner and Product Manager jobs split. Set the vision, order the backlog, launch, "
         .. "settle the tug-of-war between the two roles, and negotiate your own package.",
  authors = { "ScaleUp" },
  version = "1.0.0",
  language = "en",
  minutes = 35,
  start = "kitchen_table",
  duet = true,

  dimensions = {
    { id = "vision",      name = "Vision",
      about = "Envisioning the product, setting outcome objectives, saying no" },
    { id = "roadmap",     name = "Roadmap",
      about = "Prioritising the backlog, planning releases, keeping the work flowing" },
    { id = "launch",      name = "Launch",
      about = "Going to market, pricing, measuring and managing after the launch" },
    { id = "negotiation", name = "Negotiation",
      about = "Stakeholders, investors, customers, and your own pay" },
  },

  roles = {
    { id = "po", name = "Product Owner",
      brief = [[
You are Fieldnote's first product person. For three years you do every product
job there is; in year four the company splits it, and you keep the half that
faces the team: the Product Goal, the backlog and what is done enough to ship.

Your weights favour *vision* (a goal the team can repeat, stated as an outcome,
and the nerve to say no) and *roadmap* (a backlog ordered by value, cost and
risk, with design, development and testing in one flow). Launch and
negotiation still count: you will need both to protect the goal.]],
      weights = { vision = 3, roadmap = 2, launch = 1, negotiation = 2 } },
    { id = "pm", name = "Product Manager",
      brief = [[
You are Fieldnote's first product person. For three years you do every product
job there is; in year four the company splits it, and you keep the half that
faces the market: the roadmap, pricing, the launch, and the link between the
Product Owner, the stakeholders and the development teams.

Your weights favour *roadmap* (outcome roadmaps, trade-offs made visible) and
*launch* (a target segment, a tested price, metrics chosen before launch day,
and listening after it). Vision and negotiation still count: the market does
not forgive a product that stands for nothing.]],
      weights = { vision = 1, roadmap = 3, launch = 3, negotiation = 2 } },
  },

  stats = {
    { id = "runway",    name = "Runway",            unit = "months", start = 12, min = 0 },
    { id = "morale",    name = "Team morale",       start = 65, min = 0, max = 100 },
    { id = "customers", name = "Customers",         start = 0, min = 0 },
    { id = "revenue",   name = "Revenue",           unit = "k$/month", start = 0, min = 0 },
    { id = "trust",     name = "Stakeholder trust", start = 50, min = 0, max = 100 },
    { id = "debt",      name = "Tech debt",         start = 10, min = 0, max = 100 },
    -- Bookkeeping for the pay talk in the Scale phase: not shown in the HUD.
    { id = "budget",    name = "Sam's salary ceiling", unit = "k$", start = 0, hidden = true },
    { id = "salary",    name = "Your base salary", unit = "k$", start = 0, hidden = true },
  },

  -- The best weighted totals a run can reach, found by an exact
  -- branch-and-bound search over every game state for 300 seeds (each seed
  -- reaches them; none exceeds them) and checked by scaleup explore.
  best = { po = 243, pm = 292 },

  ratings = {
    { min = 85, label = "Ready to scale" },
    { min = 65, label = "Strong product sense" },
    { min = 40, label = "Growing" },
    { min = 0,  label = "Needs coaching" },
  },

  flags = {
    -- Startup
    "problem_first", "broad_vision", "fast_start", "validated", "surveyed", "gary_spec",
    "goal_set", "revenue_hypothesis", "hired_designer", "hired_engineer", "hired_sales",
    "fair_offer", "lowballed", "hire_ok", "runner_up", "mvp_cut", "thin_slice", "criteria",
    "build_all", "beta_exit", "open_early", "lakeline_in", "seed_closed", "bluffed",
    "bridge_only", "crunch_bridge",
    -- Growth
    "wsjf", "sales_led", "climacore_pilot", "climacore_contract", "climacore_lost",
    "climacore_declined", "overpromised", "slices", "market_sized", "dod", "debt_budget", "hid_incident",
    "incident_owned", "range_given", "date_promised", "deal_desk", "hiring_spree",
    "series_a_strong", "series_a_small",
    -- Launch
    "segment_set", "big_bang", "launch_brief", "price_tested", "cheap_price", "gtm_plan",
    "metrics_set", "vanity_metric", "scope_cut", "shipped_buggy", "slipped_silently",
    "slip_open", "staged", "teams_live", "launch_hit", "launch_flop", "listened",
    -- Scale
    "split_agreement", "turf_war", "product_goal", "pm_focus", "aligned", "split_teams",
    "climacore_risk", "climacore_churned", "renewed", "renewal_discount", "pay_prepared", "asked_options",
    "asked_bonus", "wants_cash", "wants_equity", "overreached", "pay_written",
    "career_po", "career_pm",
  },

  -- In a duet, a disagreement on a scene that has no conflict scene of its
  -- own: the Product Goal referees, and the Product Owner owns it.
  settle = function(game) return "po" end,
}

-- Shared helpers. They are globals so that every included file can use them;
-- during play they are read-only.

-- Used in next functions between phases: months of burn pass, then, if the
-- company has broken, where it goes instead of the next phase: the first
-- time the money runs out, that phase's cash crunch scene (crunch is its
-- id: "crunch_growth", "crunch_launch" or "crunch_scale"); the second time,
-- the end. A team too tired to go on is the end too. Nil when all is well.
-- Written as
--   next = function(game) return broke(game, 10, "crunch_growth") or "growth_intro" end
-- so that every scene id a next function can lead to is named in its code.
function broke(game, months, crunch)
  game.stats.runway = game.stats.runway - months
  if game.stats.runway <= 0 then
    local crunched = game.visits.crunch_growth + game.visits.crunch_launch
      + game.visits.crunch_scale
    if crunched > 0 then return "out_of_cash" end
    return crunch
  end
  if game.stats.morale <= 20 then return "exodus" end
  return nil
end

-- Solo, the player sees their own role's scenes; in a duet both are played,
-- the Product Owner's first.
function po_turn(game)
  return game.duet or game.role == "po"
end

-- Monthly revenue in k$, from the customer count and what they pay.
-- Small accounts pay about $180 a month before the Teams plan (six
-- technicians at $29). In the months after the Teams launch, customers move
-- to it gradually (about $300 on average); by the Scale phase most have (about
-- $500, more with a tested price, less with a cheap one). ClimaCore pays on
-- its own terms: $240k a year on the big contract, $24k for the pilot, and
-- $660k a year for all its branches from year four.
function update_revenue(game)
  local per = 0.18
  local scale = game.visits.the_split > 0
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

-- The counterpart product person in the Scale phase, by role.
function other_role(game)
  if game.role == "po" then return "Product Manager" end
  return "Product Owner"
end

include "startup.lua"
include "growth.lua"
include "launch.lua"
include "endings.lua"   -- before scale.lua: the board call's next is final_ending
include "scale.lua"
