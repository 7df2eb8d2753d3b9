-- Seed to Scale: the flagship ScaleUp scenario, the full run (self-study,
-- about 80 minutes read aloud; seed-to-scale-workshop is the cut from Growth).
--
-- Four years at Fieldnote, an app that lets plumbing, electrical and HVAC
-- crews finish their paperwork on site. The player is its product person
-- from the kitchen-table months to a scale-up where the Product Owner and
-- Product Manager jobs have split.
--
-- Files:
--   main.lua     the scenario and the includes
--   common.lua   shared helpers (time passing, routing, revenue)
--   startup.lua  phase 1: vision, first users, the first hire, the seed round
--   growth.lua   phase 2: backlog, a big customer, flow, debt, the board
--   launch.lua   phase 3: strategy, pricing, go-to-market, a slipping date
--   scale.lua    phase 4: the PO/PM split, the council, the tug-of-war, pay, career
--   endings.lua  the endings
--
-- common.lua, growth.lua, launch.lua, scale.lua and endings.lua are shared
-- with seed-to-scale-workshop, which keeps identical copies (a test checks).
--
-- The company's state lives in stats (shown in the HUD) and flags. Scores
-- judge each decision on its merits; the delayed consequences of a choice
-- travel through the stats and flags, and come due in later scenes'
-- on_enter, traced to the decision with game.cause.

CUT = "full"

scenario {
  id = "seed-to-scale",
  title = "Seed to Scale",
  summary = "Four years at Fieldnote, from a kitchen table to a scale-up where the Product "
         .. "Owner and Product Manager jobs split. Set the vision, order the backlog, launch, "
         .. "settle the tug-of-war between the two roles, and negotiate your own package. "
         .. "The full run, for self-study; seed-to-scale-workshop is the workshop cut.",
  authors = { "ScaleUp" },
  version = "2.0.0",
  language = "en",
  minutes = 80,
  start = "kitchen_table",
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
You are Fieldnote's first product person. For three years you do every product
job there is; in year four the company splits it, and you keep the half that
faces the team: the Product Goal, the backlog and what is done enough to ship.

Your weights favour *vision* (a goal the team can repeat, stated as an outcome,
and the nerve to say no) and *backlog* (ordered by value, cost and risk, sliced
thin, with design, development and testing in one flow and a definition of done).
Negotiation counts too: you will need it to protect the goal. Roadmap and launch
count least: in year four they are your partner's job.]],
      weights = { vision = 3, backlog = 3, roadmap = 1, launch = 1, negotiation = 2 } },
    { id = "pm", name = "Product Manager",
      brief = [[
You are Fieldnote's first product person. For three years you do every product
job there is; in year four the company splits it, and you keep the half that
faces the market: the roadmap, pricing, positioning and the launch, and the link
between the Product Owner, the stakeholders and the market.

Your weights favour *roadmap* (outcome roadmaps, trade-offs made visible) and
*launch* (a target segment, a tested price, metrics chosen before launch day,
and listening after it). Vision and negotiation count too: the market does not
forgive a product that stands for nothing. The backlog counts least: in year
four it is your partner's.]],
      weights = { vision = 2, backlog = 1, roadmap = 3, launch = 3, negotiation = 2 } },
  },

  stats = {
    { id = "runway",    name = "Runway",            unit = "months", start = 12, min = 0 },
    { id = "morale",    name = "Team morale",       start = 65, min = 0, max = 100 },
    { id = "customers", name = "Customers",         start = 0, min = 0 },
    { id = "revenue",   name = "Revenue",           unit = "k$/month", start = 0, min = 0 },
    { id = "trust",     name = "Stakeholder trust", start = 50, min = 0, max = 100 },
    { id = "debt",      name = "Tech debt",         start = 10, min = 0, max = 100 },
    -- Job-to-invoice time at the pilot firms: the month-nine objective's number.
    { id = "invoice_days", name = "Job-to-invoice time", unit = "days", start = 9, min = 0,
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
include "startup.lua"
include "growth.lua"
include "launch.lua"
include "endings.lua"   -- before scale.lua: the board call's next is final_ending
include "scale.lua"
