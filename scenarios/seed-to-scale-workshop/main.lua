-- Seed to Scale, the workshop cut: fourteen decisions, 30 minutes read aloud.
--
-- It starts at month eighteen with a summary of Fieldnote's first year (a
-- sound one: the problem validated with five firms, an outcome objective,
-- a cut first version, a beta with an exit criterion, a seed round) and
-- one decision from that year that still shapes this one: the first hire.
-- Then Growth, Launch and the Scale phase's split, without the slicing and
-- market-sizing scenes, the flow and Marcus scenes, the board's date, the
-- launch plan (taken as made), the return review, the council, the Product
-- Goal and planning scenes, the pay talks and the career scene (The Offer
-- is the scenario for pay). A team reading aloud (150 words a minute, a
-- minute per decision) needs about 30 minutes for the 14 or 15 decisions.
--
-- common.lua, growth.lua, launch.lua, scale.lua and endings.lua are
-- identical copies of seed-to-scale's (a test checks): edit them there and
-- copy them here. CUT tells them which run this is.

CUT = "workshop"

scenario {
  id = "seed-to-scale-workshop",
  title = "Seed to Scale: Workshop Cut",
  summary = "Seed to Scale in 30 minutes: from month eighteen to the PO/PM split in 14 "
         .. "decisions. The full run (seed-to-scale) has the rest.",
  authors = { "ScaleUp" },
  version = "2.0.0",
  language = "en",
  minutes = 30,
  start = "year_one",
  duet = true,

  dimensions = {
    { id = "vision",      name = "Vision",
      about = "Envisioning the product, setting outcome objectives, saying no" },
    { id = "backlog",     name = "Backlog",
      about = "Ordering the backlog, slicing work, acceptance criteria and the definition of done" },
    { id = "roadmap",     name = "Roadmap",
      about = "Outcome roadmaps, sequencing across teams, dates and trade-offs made visible" },
    { id = "launch",      name = "Launch",
      about = "Going to market, pricing, measuring and managing after the launch" },
    { id = "negotiation", name = "Negotiation",
      about = "Stakeholders, investors, customers, and your own pay" },
  },

  roles = {
    { id = "po", name = "Product Owner",
      brief = [[
Fieldnote's first product person. In year four the job splits, and you keep
the half that faces the team: the Product Goal, the backlog and what is done
enough to ship. *Vision* and *backlog* weigh most, then negotiation.]],
      weights = { vision = 3, backlog = 3, roadmap = 1, launch = 1, negotiation = 2 } },
    { id = "pm", name = "Product Manager",
      brief = [[
Fieldnote's first product person. In year four the job splits, and you keep
the half that faces the market: the roadmap, pricing, positioning and the
launch. *Roadmap* and *launch* weigh most, then vision and negotiation.]],
      weights = { vision = 2, backlog = 1, roadmap = 3, launch = 3, negotiation = 2 } },
  },

  stats = {
    { id = "runway",    name = "Runway",            unit = "months", start = 24, min = 0 },
    { id = "morale",    name = "Team morale",       start = 65, min = 0, max = 100 },
    { id = "customers", name = "Customers",         start = 20, min = 0 },
    { id = "revenue",   name = "Revenue",           unit = "k$/month", start = 4, min = 0 },
    { id = "trust",     name = "Stakeholder trust", start = 50, min = 0, max = 100 },
    { id = "debt",      name = "Tech debt",         start = 15, min = 0, max = 100 },
    -- Job-to-invoice time at the pilot firms: the month-nine objective's number.
    { id = "invoice_days", name = "Job-to-invoice time", unit = "days", start = 1, min = 0,
      hidden = true },
    -- Bookkeeping for the pay talks in the Scale phase: not shown in the HUD.
    { id = "budget_po", name = "Sam's ceiling for the PO", unit = "k$", start = 0, hidden = true },
    { id = "budget_pm", name = "Sam's ceiling for the PM", unit = "k$", start = 0, hidden = true },
    { id = "salary_po", name = "The PO's base salary", unit = "k$", start = 0, hidden = true },
    { id = "salary_pm", name = "The PM's base salary", unit = "k$", start = 0, hidden = true },
  },

  ratings = {
    { min = 85, label = "Ready to scale" },
    { min = 65, label = "Strong product sense" },
    { min = 40, label = "Growing" },
    { min = 0,  label = "Needs coaching" },
  },

  flags = {
    "aligned", "beta_exit", "big_bang", "bluffed", "bridge_only", "broad_vision",
    "build_all", "career_pm", "career_po", "cheap_price", "climacore_churned",
    "climacore_contract", "climacore_declined", "climacore_lost", "climacore_pilot",
    "climacore_risk", "criteria", "crunch_bridge", "date_promised", "dated_everything",
    "deal_desk", "debt_budget", "dod", "fair_offer", "fast_start",
    "gary_spec", "goal_set", "gtm_plan", "hid_incident", "hire_ok", "hired_designer",
    "hired_engineer", "hired_sales", "hiring_spree", "import_first", "incident_owned",
    "lakeline_in", "launch_brief", "launch_flop", "launch_hit", "listened",
    "lowballed", "market_sized", "metrics_set", "mvp_cut", "nonuser_reasons", "open_early",
    "overpromised", "parked_debt", "pm_focus", "po_authority",
    "price_tested", "problem_first", "product_goal", "proxy_po", "ramped", "range_given",
    "release_criteria", "renewal_discount", "renewed", "revenue_hypothesis",
    "runner_up", "sales_led", "scope_cut", "seed_closed", "segment_set", "series_a_small",
    "series_a_strong", "shipped_buggy", "slices", "slip_open", "slipped_silently",
    "split_agreement", "split_teams", "staged", "stall_reasons", "surveyed", "teams_live",
    "thin_slice", "turf_war", "validated", "vanity_metric", "wsjf", "victor_heard", "linda_heard", "brightwater_heard", "ruth_heard",
    "hire_heard", "partner_heard", "crunched", "board_heard", "team_heard",
    "launch_started", "board_met", "pitch_met", "split_started",
    "prepared_po", "band_po", "terms_po", "room_po", "cash_po", "equity_po", "level_po",
    "overreached_po", "disclosed_po", "split_po", "written_po", "prepared_pm", "band_pm",
    "terms_pm", "room_pm", "cash_pm", "equity_pm", "level_pm", "overreached_pm",
    "disclosed_pm", "split_pm", "written_pm",
  },

  -- In a duet, a disagreement on a scene that has no conflict scene of its
  -- own: the Product Goal referees, and the Product Owner owns it.
  settle = function(game) return "po" end,
}

include "common.lua"
include "growth.lua"
include "launch.lua"
include "endings.lua"   -- before scale.lua: the board call's next is final_ending
include "scale.lua"

scene "year_one" {
  title = "The Story So Far",
  phase = "Startup",
  by = "both",
  on_enter = function(game)
    if game.visits.year_one > 1 then return end
    -- A sound first year, as the full run's best players have it.
    for _, f in ipairs({ "problem_first", "validated", "goal_set", "mvp_cut", "criteria",
                         "beta_exit", "seed_closed", "hire_ok", "fair_offer" }) do
      game.flags[f] = true
    end
  end,
  text = [[
Fieldnote's app lets plumbing, electrical and HVAC crews finish their
paperwork on site. Priya Raman is the CEO; Tomás Ferreira leads engineering;
you, {player}, are the first product person.

*Year one.* Riding along with five firms, you found invoices written nine days
after the job. The objective, invoices in 1 day at 20 paying firms by month
nine, was met, and Ruth Adler's Northgate put in a $1.5M seed.

One choice from that year shapes this one: the first hire. Leo Brandt, a sync
and offline specialist; Hana Kim, a designer who knows electricians; or Dev
Kapoor, a salesperson who knows half the county's contractors. Who?]],
  discuss = "Which hire removes the biggest risk for the year ahead: not knowing what to build, the app failing in a basement, or nobody buying?",
  choices = {
    { "Hana: the crews' problem lives on a small screen, in gloves, in a basement",
      id = "hana",
      next = "growth_intro",
      score = { vision = 2, backlog = 1 },
      set = { "hired_designer" },
      feedback = "Understanding the user's context is the Product Owner's bottleneck: a "
              .. "designer who has worked with tradespeople shortens every learning loop. The "
              .. "cost: the sync problem stays Tomás's alone." },
    { "Leo: if the app loses a job in a basement, nothing else we build matters",
      id = "leo",
      next = "growth_intro",
      score = { backlog = 1, launch = 2 },
      set = { "hired_engineer" },
      feedback = "The launch risk here is technical: a data-loss bug would end the trust you "
              .. "are building. Leo removes it, which is why a PM facing a launch picks him; "
              .. "watch for him in the sync-bug scene." },
    { "Dev: revenue proves the business, he already knows half the county's contractors, "
      .. "and he pays for himself",
      id = "dev",
      next = "growth_intro",
      score = { launch = 1, negotiation = 1 },
      effects = { customers = 2 },
      set = { "hired_sales" },
      feedback = "Selling early tests willingness to pay, and Dev's network is real. But a "
              .. "salesperson before the product fully solves the problem sells promises, and "
              .. "the contractors remember." },
  },
}
