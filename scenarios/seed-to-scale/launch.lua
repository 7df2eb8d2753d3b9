-- Phase 3, Launch: months 22 to 27 (July to December). Fieldnote Teams, the first major
-- release: strategy, pricing, go-to-market, a slipping date, the market's
-- answer, return on investment and managing the product after the launch.
-- Shared with seed-to-scale-workshop (identical copy): edit here, copy there.

scene "launch_strategy" {
  title = "Fieldnote Teams",
  phase = "Launch",
  by = "pm",
  on_enter = function(game)
    game.flags.launch_started = true
    -- Meanwhile: the months of building Teams.
    burn(game, 6)
    -- A year of growth: how the backlog, the debt and sales were run shows here.
    local gained = 30
    if game.stats.debt < 25 then gained = gained + 15 end
    if game.flags.deal_desk then gained = gained + 5 end
    if game.flags.incident_owned then gained = gained + 5 end
    if game.flags.hid_incident then gained = gained - 10 end
    if game.flags.hiring_spree then gained = gained + 10 end
    if game.flags.climacore_lost or game.flags.climacore_declined then gained = gained - 5 end
    game.stats.customers = game.stats.customers + gained
    update_revenue(game)
  end,
  text = function(game)
    local proof
    if game.flags.climacore_pilot then
      proof = "In ClimaCore's two pilot branches, the time from a job being assigned to a "
        .. "technician being on the road fell from 40 minutes to 12."
    elseif game.flags.climacore_contract then
      proof = "ClimaCore's branch managers use the dispatch board daily, and complain daily "
        .. "about the custom reports that never came."
    else
      proof = "Three of your larger customers have used an early dispatch board for two "
        .. "months and say they would pay for it."
    end
    local low = ""
    if game.stats.runway <= 0 then low = " The money will not last to the launch." end
    return "Month twenty-two. The Teams plan (the dispatch board, roles for office staff, single "
      .. "sign-on) is nine weeks from done. " .. proof .. "\n\n"
      .. "Priya wants to launch it at ServiceCon in Las Vegas, where 8,000 contractors "
      .. "gather, in ten weeks. \"Picture it: our booth, the big screen, a live dispatch "
      .. "board.\"\n\n"
      .. "You have {customers} customers and {runway} months of runway." .. low
  end,
  discuss = "Who is Teams for, and who is it not for? Could everyone in your team say it the same way?",
  choices = {
    { "Target firms of 10 to 50 technicians with a dispatcher, against the spreadsheet; "
      .. "beta with 12 firms first",
      id = "segment",
      when = function(game) return game.stats.customers >= 30 end,
      locked = "Needs at least 30 customers to recruit a beta from",
      next = function(game) return after(game, "crunch_launch", "pricing") end,
      score = { launch = 3, vision = 1 },
      set = { "segment_set" },
      feedback = "A clear segment and a clear enemy (the spreadsheet) make every later launch "
              .. "decision easier, from the booth demo to the pricing page. The beta with an "
              .. "exit criterion means ServiceCon shows something proven." },
    { "Write a one-page positioning and a launch brief with sales, support and marketing "
      .. "before deciding on the event",
      id = "launch_brief",
      role = "pm",
      next = function(game) return after(game, "crunch_launch", "pricing") end,
      score = { launch = 3, roadmap = 1 },
      set = { "segment_set", "launch_brief" },
      feedback = "Positioning first: for whom, against what, and why now, written down and "
              .. "agreed with the people who will sell and support it. The event becomes a "
              .. "tactic serving the strategy instead of the strategy itself." },
    { "Skip the show: launch quietly to the beta firms, and book ServiceCon next year "
      .. "with customers on stage",
      id = "quiet_launch",
      next = function(game) return after(game, "crunch_launch", "pricing") end,
      score = { launch = 1, vision = 1 },
      effects = { trust = -5 },
      feedback = "A quiet launch to people who want it is low risk and honest. You give up "
              .. "the year's biggest audience and Priya's moment; right when the product is "
              .. "not ready to demo, less so when it is nine weeks from done." },
    { "Launch to everyone at ServiceCon, every size of firm, with a 40% show discount to "
      .. "fill the pipeline for the year",
      id = "big_bang",
      next = function(game) return after(game, "crunch_launch", "pricing") end,
      score = { launch = -2 },
      effects = { trust = 5 },
      set = { "big_bang" },
      feedback = "A big bang feels bold and spreads a small team across every kind of "
              .. "customer at once. Without a target segment, nobody can say afterwards "
              .. "whether the launch worked, or for whom." },
  },
}

scene "pricing" {
  title = "The Price Tag",
  phase = "Launch",
  by = "pm",
  text = function(game)
    local known = "Nobody has asked a customer."
    if game.flags.revenue_hypothesis then
      known = "Your pilot hypothesis from year one held: firms paid $29 a technician without "
        .. "blinking. Nobody has tested what they would pay for dispatch."
    end
    return "Fieldnote costs $29 per technician per month. Teams needs its own price.\n\n"
      .. "Priya: \"Jobsite360 charges $99 a technician. We charge $49 and look like a "
      .. "bargain.\" Marcus: \"Charge $19 and we crush them.\" Ruth, by email: \"Whatever "
      .. "you pick, tell me why.\"\n\n" .. known
  end,
  discuss = "What would have convinced you that a price was right before launch day?",
  choices = {
    { "Test it: put $39, $49 and $69 in front of 30 prospects in real sales calls; pick on "
      .. "conversion and margin",
      id = "price_test",
      when = function(game) return game.stats.runway >= 3 end,
      locked = "A pricing test needs at least 3 months of runway",
      next = function(game) return CUT == "workshop" and "date_slip" or "gtm_plan" end,
      score = { launch = 3 },
      effects = { runway = -1 },
      set = { "price_tested" },
      feedback = "Pricing tested rather than guessed: real conversations show what firms "
              .. "compare you to and what they would drop to pay for you. It costs three weeks "
              .. "and usually finds money nobody's gut would have asked for." },
    { "Go with $49: half of Jobsite360's price, and a clear step up from the $29 crews "
      .. "already pay",
      id = "price_49",
      next = function(game) return CUT == "workshop" and "date_slip" or "gtm_plan" end,
      score = { launch = 1 },
      effects = { trust = 5 },
      feedback = "Anchoring on a competitor and on your own ladder is a real pricing method, "
              .. "and $49 may well be right. But untested, the first objection from a customer "
              .. "will find you with no evidence, and nobody will know what you left behind." },
    { "Keep $29 a technician and sell dispatch as a $200-a-month add-on for the office, "
      .. "which small firms skip",
      id = "addon",
      next = function(game) return CUT == "workshop" and "date_slip" or "gtm_plan" end,
      score = { launch = 1 },
      feedback = "Packaging by who gets the value (the office, not the technician) is sound "
              .. "thinking, and small firms aren't charged for what they don't use. Untested, "
              .. "it may leave money on the table at 50-technician firms." },
    { "Undercut at $19 a technician to win share before Jobsite360 answers with its own "
      .. "board and its own price cut",
      id = "undercut",
      next = function(game) return CUT == "workshop" and "date_slip" or "gtm_plan" end,
      score = { launch = -2 },
      effects = { trust = 5 },
      set = { "cheap_price" },
      feedback = "Competing on price against a bigger rival is a race you lose slowly: it "
              .. "attracts the customers most likely to leave, and raising the price later "
              .. "is much harder than starting right." },
  },
}

-- Not in the workshop cut: there the launch plan is made off stage (see
-- market_answer).
if CUT == "full" then
scene "gtm_plan" {
  title = "Who Needs to Know What",
  phase = "Launch",
  by = "pm",
  text = [[
Six weeks to ServiceCon. Support is two people who have never seen the
dispatch board. Marcus's team is still using a demo from the spring. Hana has
booth mock-ups; nobody has approved them.

Nobody has written down what a successful launch would look like, or what
"done enough to ship" means for the board.]],
  choices = {
    { "Write the launch plan with sales, support and marketing: training, a playbook, and "
      .. "success metrics set now",
      id = "launch_plan",
      next = "date_slip",
      score = { launch = 3 },
      effects = { morale = 5 },
      set = { "gtm_plan", "metrics_set" },
      feedback = "Metrics chosen before launch day (activation in 14 days, retention at 90) "
              .. "are the only ones you can trust after it; chosen afterwards, they are chosen "
              .. "to look good. Support and sales trained in advance turn launch-day questions "
              .. "into answers." },
    { "Agree with Tomás what \"done enough to ship\" means, publish it, and give the PM "
      .. "side a one-page brief",
      id = "release_criteria",
      role = "po",
      next = "date_slip",
      score = { backlog = 2, launch = 1 },
      set = { "metrics_set", "release_criteria" },
      feedback = "Deciding what is done enough to release is the Product Owner's call, and "
              .. "making the criteria visible means the date conversation that is coming will "
              .. "be about facts. The brief hands sales and support what they need without "
              .. "you running their plan." },
    { "Train support and sales on the board first; pick the success metrics after launch "
      .. "week, from real usage",
      id = "train_first",
      next = "date_slip",
      score = { launch = 1 },
      set = { "gtm_plan" },
      feedback = "Enablement before launch is most of a launch plan, and the teams will be "
              .. "ready. Choosing metrics afterwards is the gap: whatever the numbers are, "
              .. "they will be read as success." },
    { "Measure success by sign-ups at the booth: it's the number Priya and the board will "
      .. "ask for on the Monday after",
      id = "booth_signups",
      next = "date_slip",
      score = { launch = -1 },
      set = { "vanity_metric" },
      feedback = "Booth sign-ups measure how good the coffee was. A launch succeeds when "
              .. "firms activate and stay; pick a number that can only go up if that happens." },
  },
}

end

scene "date_slip" {
  title = "Three Weeks Short",
  phase = "Launch",
  by = "both",
  conflict = "slip_settle",
  on_enter = function(game)
    if game.flags.overpromised then
      -- ClimaCore's September, promised in March, lands on the same weeks.
      game.cause("yes_all")
      game.stats.debt = game.stats.debt + 10
      game.stats.morale = game.stats.morale - 10
    end
  end,
  text = function(game)
    local promise = ""
    if game.flags.date_promised then
      promise = "\n\nAnd you promised the board September. ServiceCon *is* September."
    elseif game.flags.range_given then
      promise = "\n\nYour forecast to the board left room for October. This is that risk "
        .. "arriving, and nobody on the board will be surprised."
    end
    if game.flags.overpromised then
      promise = promise .. " ClimaCore's custom reports, promised for September, are eating "
        .. "the same weeks."
    end
    if game.flags.dod then
      promise = promise .. " Thanks to the definition of done, what Tomás calls working is "
        .. "tested and working."
    end
    return "Four weeks to ServiceCon. Tomás: \"The dispatch board works. Recurring jobs and "
      .. "single sign-on for the big accounts don't. Three more weeks. Realistically, "
      .. "four.\"\n\n"
      .. "Marcus has 40 demos booked at the booth. Tech debt stands at {debt}." .. promise
  end,
  discuss = "Date or scope: who should decide, and who should be in the room when they do?",
  choices = {
    { "Cut scope: ship the board for firms of 10 to 50 at ServiceCon, move the rest to "
      .. "November, tell everyone today",
      id = "cut_scope",
      next = "launch_day",
      score = { launch = 3, roadmap = 2 },
      effects = { morale = 5 },
      set = { "scope_cut" },
      feedback = function(game)
        local board = game.flags.date_promised
          and " Telling the board now, while you still keep the date you promised, is far "
            .. "cheaper than telling them after."
          or ""
        return "The date holds and the scope flexes: the must-haves ship, the rest is "
          .. "announced as coming. For a PM this is MoSCoW on a fixed date; decided alone, "
          .. "though, it is your call imposed on Tomás and Marcus." .. board
      end },
    { "Hold the line on done: only what meets the definition of done ships at the show; "
      .. "the rest is a labelled preview",
      id = "hold_done",
      next = "launch_day",
      score = { backlog = 3, launch = 1 },
      set = { "scope_cut" },
      feedback = "What isn't done isn't released, and a preview clearly labelled as one is "
              .. "honest marketing. This is the PO's part of the decision; the PM's is what "
              .. "the booth promises and when the rest arrives." },
    { "Bring Tomás and Marcus into one room today and settle date against scope in the "
      .. "open, with the board told after",
      id = "one_room",
      next = "slip_settle",
      score = { negotiation = 2 },
      feedback = "Getting the two sides of the trade-off into one room, before deciding, "
              .. "turns a hidden conflict into a visible one, and the decision becomes "
              .. "theirs as much as yours. It costs a day." },
    { "Ship everything on the date and fix the bugs afterwards: forty demos don't wait "
      .. "for single sign-on, and nor does Jobsite360",
      id = "ship_all",
      next = "launch_day",
      score = { launch = -2, roadmap = -1 },
      effects = { debt = 20, morale = -10 },
      set = { "shipped_buggy" },
      feedback = "Shipping on a fixed date with known quality problems, without deciding it "
              .. "openly, hands the bugs to 8,000 contractors and the weekend to your team." },
    { "Slip the launch four weeks, and say nothing to Marcus or the board until the new "
      .. "date is certain",
      id = "slip_silent",
      next = "launch_day",
      score = { launch = -3, negotiation = -1 },
      effects = { trust = -15 },
      set = { "slipped_silently" },
      feedback = "A silent slip is the worst of both: the booth is paid for, Marcus finds out "
              .. "from a customer, and every future date you give is discounted." },
  },
}

scene "slip_settle" {
  title = "Date or Scope?",
  phase = "Launch",
  by = "pm",
  text = function(game)
    local duet = ""
    if game.duet then
      duet = "The Product Owner and the Product Manager picked differently, so the pair "
        .. "talks it through with Tomás and Marcus. The launch date is the PM's to decide; "
        .. "what is done is the PO's. "
    end
    return duet .. "Tomás stands by the whiteboard: \"Quality isn't a dial you turn down "
      .. "for a trade show.\" Marcus, arms folded: \"Forty demos. The booth is paid for. "
      .. "Jobsite360 will be there.\"\n\n"
      .. "Both are right about something. The decision is yours to shape."
  end,
  choices = {
    { "Agree one rule together: the date holds, the scope flexes, only what is done "
      .. "ships; list the musts together",
      id = "one_rule",
      next = "launch_day",
      score = { launch = 3, roadmap = 2, backlog = 2, negotiation = 1 },
      effects = { morale = 5 },
      set = { "scope_cut" },
      feedback = "A rule both sides helped write survives the next argument. Tomás keeps "
              .. "quality, Marcus keeps his booth, and the trade-off is the team's, not "
              .. "yours alone. That is what settling a conflict in the open buys." },
    { "Disagree and commit: Tomás calls quality, the launch moves four weeks, and Marcus "
      .. "demos a preview",
      id = "commit_slip",
      next = "launch_day",
      score = { launch = 2, backlog = 2, negotiation = 1 },
      effects = { trust = -5 },
      set = { "slip_open" },
      feedback = "An open slip with a preview at the booth, backed by everyone, costs some "
              .. "trust and keeps all of your credibility. Marcus disagreed and committed; "
              .. "that is the whole point." },
    { "Let the stronger case win on the day: Marcus keeps the date and the full scope, "
      .. "and Tomás gets November to fix it",
      id = "loudest",
      next = "launch_day",
      score = { launch = -2, negotiation = -1 },
      effects = { debt = 20, morale = -10 },
      set = { "shipped_buggy" },
      feedback = "Volume is not a decision rule. The team ships known bugs on a date it "
              .. "didn't choose, and learns that the loudest voice sets the scope." },
  },
}

scene "launch_day" {
  title = "Switch-On Day",
  phase = "Launch",
  by = "pm",
  on_enter = function(game)
    if game.flags.date_promised and (game.flags.slip_open or game.flags.slipped_silently) then
      -- The September the board was promised came and went.
      game.cause("date_promised")
      game.stats.trust = game.stats.trust - 15
    end
  end,
  text = function(game)
    local booth
    if game.flags.slip_open then
      booth = "ServiceCon came and went with a preview at the booth. Four weeks later, the "
        .. "real thing is ready."
    elseif game.flags.slipped_silently then
      booth = "ServiceCon came and went with the spring demo; Marcus heard about the slip "
        .. "from a customer. Four weeks later, the real thing is ready."
    elseif game.flags.shipped_buggy then
      booth = "Las Vegas. The booth is packed, and Tomás's team is fixing bugs from a hotel "
        .. "room."
    else
      booth = "Las Vegas. The booth is busy, and the live dispatch board on the big screen "
        .. "works."
    end
    if game.flags.date_promised and (game.flags.slip_open or game.flags.slipped_silently) then
      booth = booth .. " The board, promised September, has noticed."
    end
    if game.flags.debt_budget then
      booth = booth .. " The debt budget shows: not one sync problem in the beta."
    end
    return booth .. "\n\n"
      .. "Teams is ready to switch on. Tomás has a rollback switch wired in, \"just in "
      .. "case\". The last decision is how to turn it on."
  end,
  choices = {
    { "Staged roll-out: beta firms and booth sign-ups first, everyone else in two weeks, "
      .. "rollback switch ready",
      id = "staged",
      act = function(game) game.flags.teams_live = true end,
      next = function(game)
        local answer = market_answer(game)
        if answer == "hit" then return "launch_hit" end
        if answer == "flop" then return "launch_flop" end
        return "launch_lukewarm"
      end,
      score = { launch = 3 },
      set = { "staged" },
      feedback = "A staged roll-out limits the blast radius of whatever you didn't find, and "
              .. "gives you two weeks of real data before the whole base sees it." },
    { "Switch on for everyone, with the rollback switch armed and support doubled for the "
      .. "first week",
      id = "all_with_rollback",
      act = function(game) game.flags.teams_live = true end,
      next = function(game)
        local answer = market_answer(game)
        if answer == "hit" then return "launch_hit" end
        if answer == "flop" then return "launch_flop" end
        return "launch_lukewarm"
      end,
      score = { launch = 1 },
      effects = { trust = 5 },
      feedback = "With a beta that met its exit criterion and a rollback ready, a full "
              .. "switch-on is a defensible bet, and the announcement lands with the show. "
              .. "Without that evidence it is a bet that you found every bug." },
    { "Switch it on for all {customers} customers at once, with a big announcement, and "
      .. "skip the rollback drill this time",
      id = "all_at_once",
      act = function(game) game.flags.teams_live = true end,
      next = function(game)
        local answer = market_answer(game)
        if answer == "hit" then return "launch_hit" end
        if answer == "flop" then return "launch_flop" end
        return "launch_lukewarm"
      end,
      score = { launch = -1 },
      effects = { trust = 5 },
      set = { "big_bang" },
      feedback = "Great theatre, and every customer meets every bug at the same moment. "
              .. "Launching to everyone at once is a bet that you found them all." },
  },
}

-- The market's answer ("hit", "lukewarm" or "flop"): the launch decisions
-- set the odds, the seed decides.
function market_answer(game)
  local odds = 30
  if game.flags.segment_set then odds = odds + 15 end
  if game.flags.launch_brief then odds = odds + 5 end
  if game.flags.price_tested then odds = odds + 10 end
  -- The workshop cut skips the launch-plan scene: a plan shared with sales
  -- and support is taken as made.
  if game.flags.gtm_plan or CUT == "workshop" then odds = odds + 10 end
  if game.flags.metrics_set then odds = odds + 5 end
  if game.flags.scope_cut then odds = odds + 5 end
  if game.flags.staged then odds = odds + 5 end
  if game.flags.market_sized or game.flags.slices then odds = odds + 5 end
  if game.flags.climacore_pilot then odds = odds + 5 end
  if game.flags.shipped_buggy then odds = odds - 20 end
  if game.flags.big_bang then odds = odds - 10 end
  if game.flags.slipped_silently then odds = odds - 10 end
  odds = odds - game.stats.debt // 4
  local roll = game.random(1, 100)
  if roll <= odds - 20 then return "hit" end
  if roll > odds + 30 then return "flop" end
  return "lukewarm"
end

scene "launch_hit" {
  title = "The Phones Ring",
  phase = "Launch",
  by = "pm",
  on_enter = function(game)
    game.flags.launch_hit = true
    game.stats.customers = game.stats.customers + 160
    game.stats.morale = game.stats.morale + 10
    update_revenue(game)
  end,
  text = function(game)
    local data = "The dashboard you set up before launch tells a quieter story too: a third of"
    if not game.flags.metrics_set then
      data = "Nobody set up a dashboard before launch, but support can count: a third of"
    end
    return "Three weeks after the switch-on: 160 new firms on Teams. Marcus rings a bell "
      .. "every time one signs; the office has asked him to stop. Revenue is ${revenue}k a "
      .. "month.\n\n"
      .. data .. " the new accounts haven't dispatched a single job yet. Support tickets are "
      .. "up fourfold, most of them about setting up technicians."
  end,
  choices = {
    { "Enjoy one evening, then put a team on onboarding: the tickets and the silent third "
      .. "say where activation breaks",
      id = "fix_activation",
      next = function(game)
        if CUT == "full" then return "roi_review" end
        return game.stats.morale < 45 and "resignation" or "the_split"
      end,
      score = { launch = 3 },
      set = { "listened" },
      feedback = "After the launch, the work is listening: support tickets and the accounts "
              .. "that never activate are the cheapest research you will ever get. Growth "
              .. "that doesn't activate churns at renewal." },
    { "Say no to the new accounts' feature requests for a quarter: the goal is activation, "
      .. "and the team stays on it",
      id = "say_no",
      next = function(game)
        if CUT == "full" then return "roi_review" end
        return game.stats.morale < 45 and "resignation" or "the_split"
      end,
      score = { launch = 2, vision = 1 },
      effects = { trust = -5 },
      set = { "listened" },
      feedback = "Success brings a hundred good ideas; saying no to them for a quarter keeps "
              .. "the team on the one problem the data shows. Some new customers will be "
              .. "disappointed; explain what you're fixing instead." },
    { "Pour fuel on it while it's hot: hire six more salespeople this month, and double "
      .. "next quarter's booth budget too",
      id = "more_sales",
      next = function(game)
        if CUT == "full" then return "roi_review" end
        return game.stats.morale < 45 and "resignation" or "the_split"
      end,
      score = { launch = -1 },
      effects = { runway = -3 },
      feedback = "More sales into a funnel that leaks a third of its accounts fills the leak "
              .. "faster. Fix activation first, then scale the top of the funnel." },
  },
}

scene "launch_lukewarm" {
  title = "Polite Applause",
  phase = "Launch",
  by = "pm",
  on_enter = function(game)
    game.stats.customers = game.stats.customers + 70
    update_revenue(game)
  end,
  text = [[
Three weeks after the switch-on: 70 new firms on Teams. Not a flop; not what
Priya pictured. Revenue is ${revenue}k a month.

Only 38% of the new accounts have dispatched a job. The support queue says
setting up technicians takes "an afternoon, and a phone call". And the parts
catalogue, built in year one, is used by 4% of accounts and causes a fifth of
all tickets.]],
  choices = {
    { "Read every ticket and interview the 20 accounts that stalled; fix onboarding "
      .. "before anything else",
      id = "interview_stalled",
      next = function(game)
        if CUT == "full" then return "roi_review" end
        return game.stats.morale < 45 and "resignation" or "the_split"
      end,
      score = { launch = 3 },
      set = { "listened" },
      feedback = "The data is telling you where value gets stuck: between signing up and "
              .. "dispatching a first job. Fix the leak before pouring more in." },
    { "Retire the parts catalogue with a migration path for the 4%, and give its team to "
      .. "onboarding",
      id = "kill_catalogue",
      next = function(game)
        if CUT == "full" then return "roi_review" end
        return game.stats.morale < 45 and "resignation" or "the_split"
      end,
      score = { launch = 2, vision = 1 },
      effects = { morale = 5 },
      set = { "listened" },
      feedback = "Killing what doesn't work is part of managing a product. A migration path "
              .. "and a clear message keep the 4% on side, and a whole team moves to the "
              .. "problem that matters." },
    { "Add the three features prospects asked about most at the booth, to win back the "
      .. "ones who didn't sign on the day",
      id = "booth_features",
      next = function(game)
        if CUT == "full" then return "roi_review" end
        return game.stats.morale < 45 and "resignation" or "the_split"
      end,
      score = { launch = -2 },
      feedback = "New features for prospects won't help the customers who already bought and "
              .. "can't get started. More product on a broken first step is more to be "
              .. "confused by." },
  },
}

scene "launch_flop" {
  title = "Silence",
  phase = "Launch",
  by = "pm",
  on_enter = function(game)
    game.flags.launch_flop = true
    game.stats.customers = game.stats.customers + 15
    game.stats.trust = game.stats.trust - 10
    game.stats.morale = game.stats.morale - 10
    update_revenue(game)
  end,
  text = [[
Three weeks after the switch-on: 15 new firms. Jobsite360 announced a dispatch
board the same morning, at half your price. Support has 140 open tickets;
half of them say "confusing". Two existing customers have asked to cancel.

Priya hasn't said much. Ruth has asked for "a frank conversation".]],
  choices = {
    { "Roll Teams back to the beta firms, fix the top three problems with them, and "
      .. "relaunch with an exit criterion",
      id = "rollback_relaunch",
      next = function(game)
        if CUT == "full" then return "roi_review" end
        return game.stats.morale < 45 and "resignation" or "the_split"
      end,
      score = { launch = 3 },
      effects = { morale = -5 },
      set = { "listened" },
      feedback = "A rollback is not a defeat; it is using the plan you should always have. "
              .. "Fixing with the firms that already believe in you gives you a relaunch "
              .. "story with evidence." },
    { "Cut Teams back to the dispatch board alone, retire the extras, and relaunch with "
      .. "the firms who love it",
      id = "narrow",
      next = function(game)
        if CUT == "full" then return "roi_review" end
        return game.stats.morale < 45 and "resignation" or "the_split"
      end,
      score = { launch = 2, vision = 1 },
      effects = { morale = -5 },
      set = { "listened" },
      feedback = "Narrowing the product to what the believers use is saying no under pressure, "
              .. "and a simpler relaunch is easier to explain than a fixed one. The extras' "
              .. "authors will need to hear why." },
    { "Double the marketing budget to drown out Jobsite360's announcement before it "
      .. "sticks in the contractors' minds",
      id = "shout",
      next = function(game)
        if CUT == "full" then return "roi_review" end
        return game.stats.morale < 45 and "resignation" or "the_split"
      end,
      score = { launch = -2 },
      effects = { runway = -3 },
      feedback = "Spending to shout louder about a product people find confusing buys more "
              .. "confused customers. The problem is in the product, not the volume." },
  },
}

-- Not in the workshop cut.
if CUT == "full" then
scene "roi_review" {
  title = "Was It Worth It?",
  phase = "Launch",
  by = "pm",
  text = function(game)
    local measure = " Ruth: \"Not the story. The numbers.\""
    if game.flags.vanity_metric then
      measure = " The measure chosen before launch, booth sign-ups, says 1,400. Ruth doesn't "
        .. "even look at it: \"Not the story. The numbers.\""
    end
    return "Three months after the launch, Priya and Ruth ask the question every launch "
      .. "owes an answer to: did Teams pay off?\n\n"
      .. "It cost about $1.1M: two teams for eight months, and $140k for Las Vegas. "
      .. "Fieldnote now has {customers} customers and ${revenue}k a month in revenue."
      .. measure
  end,
  discuss = "Did you choose the launch's success metrics before or after launch day? What difference did it make here?",
  choices = {
    { "Show the payback: Teams revenue by cohort, 90-day retention, acquisition cost "
      .. "against lifetime value",
      id = "payback",
      next = function(game)
        if game.stats.morale < 45 then return "resignation" end
        return "the_split"
      end,
      score = { launch = 3, negotiation = 1 },
      effects = { trust = 10 },
      feedback = function(game)
        if game.flags.metrics_set then
          return "Because you chose the metrics before launch, this is a report, not a "
            .. "defence. Show what isn't working yet too: it makes the rest believable."
        end
        return "The right numbers, though you're reconstructing some of them after the fact "
          .. "because nobody chose them before launch. Show what isn't working yet too."
      end },
    { "Report against the product goal: the invoice and dispatch time Teams saves firms, "
      .. "next to the revenue it brings",
      id = "goal_report",
      role = "po",
      next = function(game)
        if game.stats.morale < 45 then return "resignation" end
        return "the_split"
      end,
      score = { vision = 2, launch = 1 },
      effects = { trust = 10 },
      feedback = "Outcome over output: the goal is what the product changes for the firms, "
              .. "and revenue follows it. That is the Product Owner's report; the cohort and "
              .. "payback numbers are the PM's to bring alongside." },
    { "Show what isn't working first: the stalled accounts, the tickets, and what you "
      .. "stopped because of them",
      id = "bad_news_first",
      next = function(game)
        if game.stats.morale < 45 then return "resignation" end
        return "the_split"
      end,
      score = { launch = 1, negotiation = 1 },
      effects = { trust = 5 },
      feedback = "Leading with the bad news is honest and builds credibility with a board. "
              .. "Without the payback numbers beside it, though, Ruth still can't say whether "
              .. "the $1.1M bought retained revenue." },
    { "Show sign-ups, press mentions and booth traffic: the launch put Fieldnote on the "
      .. "map, and the map is what the round needs",
      id = "vanity_report",
      next = function(game)
        if game.stats.morale < 45 then return "resignation" end
        return "the_split"
      end,
      score = { launch = -2 },
      feedback = "Activity is not return. Ruth has seen a hundred decks of press mentions; "
              .. "she is asking whether $1.1M bought retained revenue." },
  },
}

end

scene "resignation" {
  title = "Tomás's Letter",
  phase = "Scale",
  by = "po",
  text = [[
Tomás leaves an envelope on your desk on a Sunday evening. It isn't a
resignation, quite. "I haven't had a weekend since the Teams launch. Two of
my engineers are interviewing elsewhere. I don't know how long I can keep
saying it's temporary."

Team morale stands at {morale}. The company is about to reorganise for scale,
and nobody has asked the engineers what they need.]],
  choices = {
    { "Meet Tomás and the engineers, cut work in progress to one initiative per team for "
      .. "a quarter, and protect it",
      id = "cut_wip",
      next = "the_split",
      score = { backlog = 3 },
      effects = { morale = 20 },
      feedback = "Limiting work in progress is the fastest morale fix there is: fewer things "
              .. "in flight means things finish, and people can see the end of a week. Some "
              .. "stakeholders will hear \"not this quarter\"." },
    { "Give the teams two weeks to fix what annoys them most, then sit down together and "
      .. "cut the work in flight",
      id = "reset_sprint",
      next = "the_split",
      score = { backlog = 2 },
      effects = { morale = 15 },
      feedback = "A reset the engineers choose shows you heard them, and it starts the "
              .. "conversation about load. Two weeks of no customer work is the price." },
    { "Offer retention bonuses to the engineers who are interviewing, before anyone hands "
      .. "in notice, and hire two contractors",
      id = "bonuses",
      next = "the_split",
      score = { negotiation = -1 },
      effects = { morale = 5, runway = -1 },
      feedback = "Money treats the symptom. They are leaving because of the workload, and a "
              .. "bonus keeps them a few more months in the same conditions." },
  },
}

-- ------------------------------------------------------------ cash crunch
--
-- The first time the money runs out between phases, the company gets one
-- last decision instead of an ending. The three scenes differ only in their
-- phase label and where the company resumes.

-- Where a company that survives its crunch goes next.
local function after_crunch(game)
  if game.stats.morale <= 20 then return "exodus" end
  if game.flags.split_started then
    if CUT == "workshop" then return "tug_of_war" end
    return po_turn(game) and "po_goal" or "pm_market"
  end
  if game.flags.launch_started then return "pricing" end
  return "climacore"
end

local function crunch_scene(id, phase)
  scene(id) {
    title = "Two Payrolls Left",
    phase = phase,
    by = "pm",
    on_enter = function(game) game.flags.crunched = true end,
    text = [[
Priya closes the door of the meeting room. "We make payroll twice more,
{player}. Then we don't."

Ruth has agreed to one meeting, on Thursday. Marcus has a customer who might
prepay a year if the price is right. Team morale stands at {morale}.]],
    choices = {
      { "Cut to the core: pause hiring, stop all work off the objective, founders on half "
        .. "pay; take Ruth a three-month plan",
        id = "cut_core",
        act = function(game)
          if game.random(1, 100) <= 65 then
            game.flags.crunch_bridge = true
            game.stats.runway = game.stats.runway + 6
          end
        end,
        next = function(game)
          if not game.flags.crunch_bridge then return "out_of_cash" end
          return after_crunch(game)
        end,
        score = { negotiation = 2, backlog = 1 },
        effects = { morale = -5 },
        feedback = "A smaller plan with honest numbers is the only thing an investor can fund "
                .. "in a crunch: it shows you know what matters and what can stop. Even then, "
                .. "the answer may be no." },
      { "Offer the five happiest customers a prepaid year at 15% off, and cut the burn by "
        .. "a fifth",
        id = "fair_prepay",
        act = function(game) game.stats.runway = game.stats.runway + 3 end,
        next = after_crunch,
        score = { negotiation = 1 },
        effects = { morale = -5 },
        feedback = "A modest discount for cash up front is a fair trade, and customers who "
                .. "love you often say yes. It buys three months, not a plan; the burn cut "
                .. "has to do the rest." },
      { "Get the prepayment at any price: a year up front at 60% off, from whoever will "
        .. "take it",
        id = "desperate_prepay",
        act = function(game) game.stats.runway = game.stats.runway + 3 end,
        next = after_crunch,
        score = { negotiation = -2 },
        effects = { trust = -10, debt = 10 },
        feedback = "It buys three months by teaching one customer, and everyone they talk to, "
                .. "that your price drops 60% when you are desperate. Cash now, pricing power "
                .. "gone." },
      { "Keep going as planned: next month's pipeline looks good, cuts would spook the "
        .. "team, and Ruth likes a founder who holds her nerve",
        id = "keep_going",
        next = "out_of_cash",
        score = { roadmap = -1, negotiation = -1 },
        feedback = "A pipeline is not a bank balance. Not deciding is deciding to run out; "
                .. "cutting scope and burn early is a product decision too." },
    },
  }
end

-- The workshop cut starts at Growth with the seed money in the bank: it
-- cannot run dry before the Scale phase.
if CUT == "full" then
  crunch_scene("crunch_growth", "Growth")
  crunch_scene("crunch_launch", "Launch")
end
crunch_scene("crunch_scale", "Scale")
