-- Phase 4, Scale: year four. The company splits the product job. As PO the
-- player owns the Product Goal, the backlog's order and what is done; as PM
-- the roadmap, the launches, pricing, the market and the stakeholders.
-- Solo, Jordan Reyes takes the other half; in a duet, the other player does.
-- A new COO's council tests whether the PO really decides; the two pull in
-- different directions over a renewal and must settle it; then each player
-- negotiates their own package and faces the career question.
-- Shared with seed-to-scale-workshop (identical copy): edit here, copy there.
-- The workshop cut skips the council, the pay talks and the career scene.

scene "the_split" {
  title = "Two Jobs",
  phase = "Scale",
  by = "both",
  on_enter = function(game)
    if game.flags.split_started then return end
    game.flags.split_started = true
    -- Meanwhile: the year after the launch, partly paid for by revenue now.
    burn(game, 8)
    -- The launch and how it was managed compound.
    local growth = 30
    if game.flags.listened then growth = growth + 30 end
    if game.flags.launch_hit then growth = growth + 20 end
    if game.flags.launch_flop then growth = growth - 20 end
    if game.flags.goal_set then growth = growth + 5 end
    if game.flags.hid_incident then growth = growth - 5 end
    if game.stats.debt >= 40 then growth = growth - 15 end
    if game.flags.cheap_price then
      -- Cheap customers come in, and leave.
      game.cause("undercut")
      growth = growth + 10
    end
    game.stats.customers = game.stats.customers + game.stats.customers * growth // 100
    -- ClimaCore is on Teams by now, whichever way it got there.
    if not game.flags.climacore_pilot then game.flags.climacore_contract = true end
    update_revenue(game)
  end,
  text = function(game)
    local climacore = ""
    if game.flags.climacore_lost then
      climacore = " ClimaCore, which walked away two years ago, signed for Teams after the "
        .. "launch and is now the biggest account."
    elseif game.flags.climacore_declined then
      climacore = " ClimaCore, which you turned down two years ago, signed for Teams after the "
        .. "launch and is now the biggest account."
    end
    local head = "Year four. Fieldnote has 48 people, three product teams, {customers} "
      .. "customers and ${revenue}k a month in revenue." .. climacore
      .. " Most customers have moved to Teams. Priya has split the product job in two.\n\n"
    local mine
    if game.duet then
      mine = "The two of you now share Dispatch. The Product Owner has its Product Goal, "
        .. "its backlog and what is done, for two teams. The Product Manager has its roadmap, "
        .. "its pricing and launches, its market, and the stakeholders."
    elseif game.role == "pm" then
      mine = "You are now the Product Manager for Dispatch: its roadmap, pricing and launches, "
        .. "its market, and the stakeholders. Jordan Reyes, who came up through business "
        .. "analysis and has refined Dispatch's backlog for a year, becomes its Product "
        .. "Owner: the Product Goal, the backlog and what is done."
    else
      mine = "You are now the Product Owner for Dispatch: two teams, fourteen people, its "
        .. "Product Goal, its backlog and what is done. Jordan Reyes, who ran a product line "
        .. "at Jobsite360, joins as its Product Manager: roadmap, pricing, launches, the "
        .. "market and the stakeholders."
    end
    local ask = "Jordan, over the first coffee, friendly and direct: \"So. When we disagree, "
      .. "who decides?\""
    if game.duet then
      ask = "Priya, handing you both a coffee: \"So. When you two disagree, who decides?\""
    end
    local low = ""
    if game.stats.runway <= 0 then low = "\n\nThe bank balance says two payrolls." end
    if game.flags.partner_heard then
      ask = ask .. "\n\nAsked where you'll collide, the answer comes at once: \"Dates for "
        .. "sales, and ClimaCore. Everything else we'll work out.\""
    end
    return head .. mine .. "\n\n" .. ask .. low
  end,
  discuss = "In your own company, who decides when the backlog and the market pull apart? Is it written down?",
  choices = {
    { "Ask first: how does the other half see the job, and where do they expect the two "
      .. "of you to collide?",
      id = "ask_partner",
      once = true,
      next = "the_split",
      score = { negotiation = 1 },
      set = { "partner_heard" },
      feedback = "Asking before proposing: you learn where your partner expects friction, and "
              .. "the agreement you write next will be about the real collisions, not the "
              .. "textbook ones." },
    { "Write down what you both said: one goal, the PO orders the backlog, the PM owns "
      .. "dates, and a weekly hour for conflicts",
      id = "charter_heard",
      requires = { "partner_heard" },
      next = function(game)
        if CUT == "workshop" then return after(game, "crunch_scale", "tug_of_war") end
        return after(game, "crunch_scale", po_turn(game) and "po_goal" or "pm_market")
      end,
      score = { vision = 2, backlog = 1, negotiation = 2 },
      effects = { morale = 5 },
      set = { "split_agreement" },
      feedback = "Decision rights written from a real conversation: the collisions you both "
              .. "named (the renewal, dates for sales) now have an owner and a forum. The "
              .. "Product Owner's strongest start in a new split." },
    { "Write it down together: one product goal you both serve, who decides what, and a "
      .. "weekly hour for conflicts",
      id = "charter",
      next = function(game)
        if CUT == "workshop" then return after(game, "crunch_scale", "tug_of_war") end
        return after(game, "crunch_scale", po_turn(game) and "po_goal" or "pm_market")
      end,
      score = { vision = 2, negotiation = 2 },
      effects = { morale = 5 },
      set = { "split_agreement" },
      feedback = "Decision rights written down (backlog order: the PO; roadmap, pricing and "
              .. "launch dates: the PM) and one goal above both: the tension between backlog "
              .. "and market becomes a conversation with a referee. This is where a PO "
              .. "starts; a PM can start from the outcome instead." },
    { "Agree first on the outcome you both answer for, and let decision rights follow "
      .. "from it, reviewed monthly",
      id = "outcome_first",
      next = function(game)
        if CUT == "workshop" then return after(game, "crunch_scale", "tug_of_war") end
        return after(game, "crunch_scale", po_turn(game) and "po_goal" or "pm_market")
      end,
      score = { vision = 1, roadmap = 2, negotiation = 2 },
      effects = { morale = 5 },
      set = { "split_agreement" },
      feedback = "Starting from the outcome (new accounts dispatching within a week) gives the "
              .. "PM a roadmap to build and the PO a goal to order by. It is the PM's natural "
              .. "start; it leaves the question \"who orders the backlog?\" to be settled "
              .. "later, under pressure." },
    { "Keep it informal: you have always sorted things out as they come, and rules make "
      .. "people territorial",
      id = "informal",
      next = function(game)
        if CUT == "workshop" then return after(game, "crunch_scale", "tug_of_war") end
        return after(game, "crunch_scale", po_turn(game) and "po_goal" or "pm_market")
      end,
      score = { negotiation = -1 },
      feedback = "Informal worked when you were one person. With two people, two teams and "
              .. "a sales floor, unwritten decision rights get decided by whoever speaks to "
              .. "the engineers first." },
    { "Claim as much ground as you can before the other half settles in: teams listen to "
      .. "whoever got there first, and so does Priya",
      id = "claim_ground",
      next = function(game)
        if CUT == "workshop" then return after(game, "crunch_scale", "tug_of_war") end
        return after(game, "crunch_scale", po_turn(game) and "po_goal" or "pm_market")
      end,
      score = { negotiation = -2, vision = -1 },
      effects = { morale = -5 },
      set = { "turf_war" },
      feedback = "Grabbing territory makes your partner a rival, and the teams learn to play "
              .. "you against each other. The product pays for every border skirmish." },
  },
}

-- Not in the workshop cut (from here to the end of pm_planning).
if CUT == "full" then
scene "po_goal" {
  title = "The Product Goal",
  phase = "Scale",
  by = "po",
  text = [[
Dispatch has a backlog of 380 items and no goal beyond "more". Your first job
as its Product Owner is a Product Goal for the next two quarters.

The data: 62% of new Teams accounts never dispatch a twentieth job. Setting up
technicians takes three hours on average. Dispatchers who get past setup call
the board "the best thing we bought this year".

Hana, pinning up a journey map: "Everyone loves it on day thirty. Most people
never get to day thirty. I don't know why yet."]],
  choices = {
    { "\"Every new Teams account dispatches its first 20 jobs within a week.\" Then order "
      .. "the backlog so the top serves it",
      id = "goal_now",
      next = function(game)
        if game.duet then return "pm_market" end
        return "council"
      end,
      score = { vision = 3, backlog = 1 },
      set = { "product_goal" },
      feedback = "A goal stated as an outcome, grounded in the funnel data, that the team "
              .. "can repeat and test every item against. The data says where accounts "
              .. "stall; what the backlog does next depends on knowing why." },
    { "Call twenty stalled accounts with Hana this week, then write the goal from what "
      .. "they tell you, not the funnel",
      id = "stall_calls",
      next = function(game)
        if game.duet then return "pm_market" end
        return "council"
      end,
      score = { vision = 2, backlog = 1 },
      set = { "product_goal", "stall_reasons" },
      feedback = "Discovery doesn't stop after year one: the funnel says where accounts stall, "
              .. "only people can say why. A week's delay on the goal buys the reason, and "
              .. "the reason will decide what goes at the top of the backlog." },
    { "\"Ship Dispatch 2.0\": the 30 items that sales and support collected this year, in "
      .. "one named release the market can see",
      id = "release_name",
      next = function(game)
        if game.duet then return "pm_market" end
        return "council"
      end,
      score = { vision = -2 },
      feedback = "A release name is an output, not a goal. When Dispatch 2.0 ships, nobody "
              .. "will know whether it worked, and the 62% who stall may still stall." },
    { "Let each team write its own goal for the two quarters, to protect their autonomy "
      .. "and their ownership",
      id = "team_goals",
      next = function(game)
        if game.duet then return "pm_market" end
        return "council"
      end,
      score = { vision = -1 },
      effects = { morale = 5 },
      feedback = "Autonomy works inside one goal, not instead of it. Two teams with two goals "
              .. "on one product will pull the backlog in two directions, and you own the "
              .. "result." },
  },
}

scene "pm_market" {
  title = "Where Next?",
  phase = "Scale",
  by = "pm",
  text = [[
Priya wants a growth plan for Dispatch before the Series A. Three directions
are on your desk:

the UK, where Jobsite360 is weak and three inbound leads arrive a week;

enterprise chains like ClimaCore, eight of them in the country, worth $300k to
$700k a year each;

the mid-market you already serve, where 40% of customers still don't use
Teams at all.]],
  choices = {
    { "Score all three on one sheet (size, win rate, cost to serve, fit) and recommend "
      .. "the mid-market now, the UK next year",
      id = "score_sheet",
      next = function(game)
        return "council"
      end,
      score = { launch = 2, roadmap = 2 },
      set = { "pm_focus" },
      feedback = "The same criteria for every option, with evidence, turns a debate of "
              .. "enthusiasms into a strategy. Selling Teams to the 40% is the cheapest growth "
              .. "you have: they already trust you." },
    { "Interview fifteen customers who never turned Teams on before choosing: the 40% are "
      .. "the cheapest market you have",
      id = "nonuser_interviews",
      next = function(game)
        return "council"
      end,
      score = { vision = 1, launch = 2 },
      set = { "pm_focus", "nonuser_reasons" },
      feedback = "Continuing discovery at scale: the people who bought and didn't adopt know "
              .. "something no spreadsheet does. It delays the plan by a few weeks, and the "
              .. "plan that follows will have reasons in it, not just scores." },
    { "Test the UK with two people answering the inbound leads for a quarter, no "
      .. "localisation, and a kill date",
      id = "uk_test",
      next = function(game)
        return "council"
      end,
      score = { launch = 1 },
      effects = { runway = -1 },
      feedback = "A cheap, time-boxed market test with a kill date is good practice for a "
              .. "new market. It is a distraction while 40% of your own customers haven't "
              .. "adopted the product they already pay for." },
    { "Go after the eight enterprise chains: one deal is a year of growth, ClimaCore is "
      .. "the reference, and the Series A likes logos",
      id = "enterprise",
      next = function(game)
        return "council"
      end,
      score = { launch = -1, roadmap = -1 },
      feedback = "Eight prospects, each with its own requirements document: the roadmap "
              .. "would belong to whoever is negotiating. Big deals are a channel, not a "
              .. "strategy." },
  },
}

-- Not in the workshop cut.
if CUT == "full" then
scene "council" {
  title = "The Council",
  phase = "Scale",
  by = "both",
  text = function(game)
    if game.flags.victor_heard then
      return "Victor, over coffee, is candid: \"Last quarter the board asked me why "
        .. "ClimaCore nearly churned, and I found out from Linda. I don't want to run the "
        .. "backlog. I want to never be surprised again, and to see that the teams work on "
        .. "what moves revenue.\""
    end
    local who
    if game.duet then
      who = "The first list lands in the Product Owner's inbox, headed \"Priorities for "
        .. "Dispatch\", with a note: \"Please load into the backlog in this order.\" The "
        .. "roadmap's themes are not mentioned at all."
    elseif game.role == "po" then
      who = "The first list lands in your inbox, headed \"Priorities for Dispatch\", with a "
        .. "note: \"Please load into the backlog in this order.\" Jordan forwards it with "
        .. "one word: \"Hm.\""
    else
      who = "The first list lands in Jordan's inbox, headed \"Priorities for Dispatch\", "
        .. "with a note: \"Please load into the backlog in this order.\" Your roadmap's "
        .. "themes are not mentioned at all. Jordan: \"Am I a Product Owner or a typist?\""
    end
    return "Victor Hale, the COO Priya hired from a logistics company, has started a "
      .. "monthly portfolio council: the heads of sales, support and finance rank features "
      .. "for every team. \"Visibility,\" he says. \"Nobody knew what product was doing.\""
      .. "\n\n" .. who
  end,
  discuss = "Victor wanted visibility and got a proxy Product Owner. What would have given him visibility without taking the backlog's order away?",
  choices = {
    { "Ask Victor, over coffee, what he couldn't see before the council, and what he "
      .. "would do with it if he could",
      id = "ask_victor",
      once = true,
      next = "council",
      score = { negotiation = 1 },
      set = { "victor_heard" },
      feedback = "Before defending your turf, find out what the other side needs. Victor's "
              .. "answer turns a fight about who orders the backlog into a design problem: how "
              .. "does leadership see what product is doing?" },
    { "Give Victor what he said he lacks: a monthly outcome review with numbers, and the "
      .. "backlog's order left to the PO",
      id = "heard_deal",
      requires = { "victor_heard" },
      next = function(game) return po_turn(game) and "po_refinement" or "pm_planning" end,
      score = { vision = 1, backlog = 3, negotiation = 2 },
      set = { "po_authority" },
      feedback = "Interests over positions, after asking: Victor wanted to see progress and "
              .. "catch surprises early, not to order anyone's work. He gets a monthly review "
              .. "of outcomes and a seat at Sprint Reviews; the Product Owner keeps the order." },
    { "Build Victor the view he asked for: a monthly review of outcomes and revenue by "
      .. "theme, with the backlog's order shown as it is",
      id = "heard_review",
      requires = { "victor_heard" },
      next = function(game) return po_turn(game) and "po_refinement" or "pm_planning" end,
      score = { vision = 1, roadmap = 3, negotiation = 2 },
      set = { "po_authority" },
      feedback = "The PM's answer to what Victor said: he gets the visibility he lacked, at "
              .. "the level of outcomes and revenue, and the council has no reason to rank "
              .. "features. The backlog's order stays with the PO, and Victor can see it." },
    { "Meet Victor: the council sets outcomes and budgets per product, the PO orders the "
      .. "backlog to reach them, and he comes to reviews",
      id = "decision_rights",
      next = function(game) return po_turn(game) and "po_refinement" or "pm_planning" end,
      score = { vision = 1, backlog = 2, negotiation = 2 },
      set = { "po_authority" },
      feedback = "A Product Owner whose order is set by a committee is a proxy. Offering "
              .. "Victor what he needs (outcomes, budgets, and a seat at every Sprint Review "
              .. "to inspect the increment) in exchange for the order is interests over "
              .. "positions. This is the PO's conversation to have." },
    { "Offer Victor what the council needs instead of a feature list: a monthly review of "
      .. "the roadmap's outcomes, with numbers",
      id = "outcome_review",
      next = function(game) return po_turn(game) and "po_refinement" or "pm_planning" end,
      score = { vision = 1, roadmap = 2, negotiation = 2 },
      set = { "po_authority" },
      feedback = "The council is a symptom: leadership can't see what product is doing. A "
              .. "roadmap review with outcomes and numbers gives Victor visibility at the level "
              .. "he needs, and leaves the backlog's order where it belongs. This is the PM's "
              .. "move." },
    { "Load the council's list into the backlog as ranked: Victor has Priya's ear, this "
      .. "is not the hill to die on, and lists change monthly",
      id = "comply",
      next = function(game) return po_turn(game) and "po_refinement" or "pm_planning" end,
      score = { backlog = -2 },
      effects = { trust = 10 },
      set = { "proxy_po" },
      feedback = "Picking battles is wise, but this is the battle: once a committee orders "
              .. "the backlog, the Product Owner is a proxy with no decision rights, and every "
              .. "trade-off goes to a meeting that never sees the team." },
    { "Keep ordering the backlog your own way, and let the council's list sit unread in a "
      .. "shared folder",
      id = "ignore_council",
      next = function(game) return po_turn(game) and "po_refinement" or "pm_planning" end,
      score = { negotiation = -2 },
      effects = { trust = -10 },
      feedback = "You keep the order and lose Victor: he will escalate, and he will be right "
              .. "that nobody told him anything. Authority you don't explain is authority you "
              .. "lose at the next reorganisation." },
  },
}
end

scene "po_refinement" {
  title = "Refinement, Tuesday",
  phase = "Scale",
  by = "po",
  text = function(game)
    local calls = ""
    if game.flags.stall_reasons then
      calls = " The twenty calls gave one answer fourteen times: firms gave up importing "
        .. "their technicians from a spreadsheet."
    end
    return "ClimaCore, with 1,100 technicians since it bought two regional chains, produces "
      .. "a third of Dispatch's support tickets. Linda Voss has sent three \"critical\" "
      .. "requirements: bulk reassignment of jobs, a branch hierarchy, and a nightly "
      .. "export.\n\n"
      .. "Team Relay usually finishes about 25 points a sprint and Team Atlas about 30, "
      .. "each on its own scale." .. calls .. "\n\n"
      .. "Hana: \"The onboarding wizard is the thing that would move the goal.\" "
      .. the_pm(game) .. ", by chat: \"ClimaCore renews in three months. Just saying.\""
  end,
  choices = {
    { "Refine Linda's asks with the teams into stories; bulk reassign joins the wizard at "
      .. "the top, the rest waits, with reasons",
      id = "refine",
      next = function(game) return game.duet and "pm_planning" or "tug_of_war" end,
      score = { backlog = 3, vision = 1 },
      feedback = "Refinement with the teams turns a customer's list into sized, ordered work, "
              .. "and ordering by value makes the trade-off explicit: the one ask that matters "
              .. "most gets in, and the PM can explain the rest to Linda." },
    { "Put spreadsheet import at the very top, since the stalled firms all gave up there; "
      .. "then bulk reassign; the rest waits",
      id = "import_first",
      requires = { "stall_reasons" },
      locked = "Needs to know why accounts stall: talk to them first",
      next = function(game) return game.duet and "pm_planning" or "tug_of_war" end,
      score = { backlog = 3, vision = 2, negotiation = 2 },
      set = { "import_first" },
      feedback = "Discovery pays off: the item at the top is there because twenty customers "
              .. "said so, not because a funnel hinted at it. The order is now easy to "
              .. "defend to anyone, Linda included." },
    { "Ask the PM to rank Linda's three by renewal risk first, then slot the top one "
      .. "under the onboarding work",
      id = "ask_pm_rank",
      next = function(game) return game.duet and "pm_planning" or "tug_of_war" end,
      score = { backlog = 2, negotiation = 1 },
      feedback = "Using the PM's knowledge of the customer to inform your order is exactly "
              .. "how the split should work. It is slower than refining with the teams, who "
              .. "could have sized all three in the same hour." },
    { "Put all three of ClimaCore's asks at the top: it's the biggest account, the "
      .. "renewal is three months out, and sales agrees",
      id = "all_three_top",
      next = function(game) return game.duet and "pm_planning" or "tug_of_war" end,
      score = { backlog = -2, vision = -1 },
      effects = { trust = 5 },
      feedback = "The biggest account is not the backlog's owner. The goal you just set "
              .. "waits behind a nightly export, and the other thousand customers notice." },
  },
}

scene "pm_planning" {
  title = "Quarterly Planning",
  phase = "Scale",
  by = "pm",
  text = function(game)
    return "Planning week. Sales wants twelve items, support nine, and Priya wants \"AI "
      .. "dispatch\" in the Series A deck. " .. the_po(game) .. "'s two teams have capacity "
      .. "for about a third of it.\n\n"
      .. "Marcus: \"Just give me dates. My team sells dates.\" Support's lead: \"We sell "
      .. "nothing, and we hear everything.\""
  end,
  choices = {
    { "Publish an outcome roadmap (now / next / later) with one objective per team, show "
      .. "what moved and why, and invite challenges",
      id = "outcome_roadmap",
      next = "tug_of_war",
      score = { roadmap = 3, negotiation = 2 },
      effects = { trust = 5 },
      feedback = "An outcome roadmap with visible trade-offs gives sales something honest to "
              .. "sell (the problems you will solve, in order) and every stakeholder a say "
              .. "before, not after. Marcus won't get dates for \"later\", and shouldn't." },
    { "Build \"now\" from the fifteen non-user interviews: setup, import and training come "
      .. "first, each with a number to move",
      id = "evidence_roadmap",
      requires = { "nonuser_reasons" },
      locked = "Needs the non-user interviews",
      next = "tug_of_war",
      score = { roadmap = 3, launch = 3, negotiation = 2 },
      effects = { trust = 5 },
      feedback = "The interviews pay off: every item in \"now\" comes with a customer's words "
              .. "and a number it should move, and Priya's AI dispatch goes to \"later\" "
              .. "with a reason she can repeat to the board." },
    { "Give sales dates for \"now\" items only, ranges for \"next\", and nothing at all "
      .. "for \"later\"",
      id = "dates_for_now",
      next = "tug_of_war",
      score = { roadmap = 2, negotiation = 1 },
      feedback = "Dates where the team is confident, ranges where it isn't: a fair deal with "
              .. "sales. Without outcomes behind the items, though, it is still a list of "
              .. "features with better manners." },
    { "Put a date on everything so sales can sell it, and let the teams negotiate the "
      .. "dates down later, item by item, as they learn",
      id = "date_everything",
      next = "tug_of_war",
      score = { roadmap = -2 },
      effects = { trust = 10, morale = -5 },
      set = { "dated_everything" },
      feedback = "Sales is happy for a quarter. Dates on items nobody has estimated become "
              .. "promises, and promises become the roadmap." },
  },
}

end

scene "tug_of_war" {
  title = "Tug of War",
  phase = "Scale",
  by = "both",
  conflict = "tug_settle",
  on_enter = function(game)
    if game.flags.proxy_po then
      -- The council's list already put ClimaCore's asks on top.
      game.cause("proxy_po")
      game.stats.morale = game.stats.morale - 10
    end
  end,
  text = function(game)
    local pull
    if game.duet then
      pull = "The Product Owner wants both teams to stay on onboarding: it is the goal. The "
        .. "Product Manager has a renewal to save and a sales floor asking why."
    elseif game.role == "pm" then
      pull = "Jordan, your Product Owner, wants both teams to stay on onboarding. You have a "
        .. "renewal to save, and a sales floor asking why."
    else
      pull = "Jordan, your Product Manager, wants both teams on ClimaCore's list for six "
        .. "weeks. You want the onboarding work to continue: it is the goal."
    end
    local marcus = "Marcus has already told her \"it's in hand\"."
    if game.flags.deal_desk then
      marcus = "Marcus, to his credit, brought it to the deal review before promising her "
        .. "anything."
    end
    local council = ""
    if game.flags.proxy_po then
      council = " Victor's council list already has her three asks at the top."
    end
    return "ClimaCore renews in eight weeks: $660k a year, " .. climacore_share(game)
      .. "% of revenue. Linda wants bulk reassignment and the branch hierarchy before she "
      .. "signs. " .. marcus .. council .. "\n\n"
      .. "Meanwhile 62% of new Teams accounts stall before their twentieth job, and that "
      .. "number decides next year's growth.\n\n" .. pull
  end,
  discuss = "Whose call is the order of the teams' work here, and what should the other role bring to it?",
  choices = {
    { "Put both on one page as cost of delay, then order the backlog: one team on bulk "
      .. "reassign for four weeks, one on onboarding",
      id = "order_by_cod",
      next = function(game) return po_turn(game) and "po_review" or "pm_renewal" end,
      score = { backlog = 3, negotiation = 1, roadmap = -1 },
      set = { "aligned" },
      feedback = function(game)
        if game.role == "pm" and not game.duet then
          return "The sequence is sound, but ordering the teams' work is the Product Owner's "
            .. "call. As PM, your strongest move is to bring Jordan the renewal's cost of "
            .. "delay and let them order it."
        end
        return "Cost of delay gives both pulls a common unit, so the answer stops being "
          .. "about whose job wins, and ordering the backlog is the PO's call to make. "
          .. "Decided alone, though, the PM has to accept it rather than own it."
      end },
    { "Bring the Product Owner the renewal's cost of delay in numbers (revenue at risk, "
      .. "Linda's date) and ask them to order it",
      id = "bring_cod",
      role = "pm",
      next = function(game) return po_turn(game) and "po_review" or "pm_renewal" end,
      score = { roadmap = 2, negotiation = 3 },
      set = { "aligned" },
      feedback = "The PM's job in a backlog fight: make the market's cost of delay visible, "
              .. "in numbers, to the person who orders the backlog. You influence the order "
              .. "without taking it, and the PO can weigh it against the stall." },
    { "Book two hours with your partner and a whiteboard before anyone decides "
      .. "anything, with both sets of numbers",
      id = "talk_first",
      next = "tug_settle",
      score = { negotiation = 2 },
      feedback = "Talking before deciding, with the data, is how two product people "
              .. "disagree without the teams feeling the rope. It costs two hours and some "
              .. "patience from Linda." },
    { "Back the renewal: both teams on ClimaCore's list for six weeks, and onboarding "
      .. "resumes in the new quarter, when the money is safe",
      id = "back_renewal",
      next = function(game) return po_turn(game) and "po_review" or "pm_renewal" end,
      score = { backlog = -1, vision = -1 },
      effects = { trust = 10 },
      feedback = "It saves the renewal, probably. It also stops the work on the problem that "
              .. "decides next year, for one customer's list, and tells the teams the goal "
              .. "bends to whoever shouts." },
    { "Back onboarding: ClimaCore can wait for the next release, since the goal is what "
      .. "decides next year",
      id = "back_onboarding",
      next = function(game) return po_turn(game) and "po_review" or "pm_renewal" end,
      score = { vision = 1, negotiation = -2 },
      effects = { trust = -10 },
      set = { "climacore_risk" },
      feedback = "Right about the goal, wrong about the method: the revenue at risk is a "
              .. "cost of delay too, and ignoring it makes your partner and Marcus fight you "
              .. "instead of the problem." },
  },
}

scene "tug_settle" {
  title = "Talking It Out",
  phase = "Scale",
  by = "po",
  text = function(game)
    local duet = ""
    if game.duet then
      duet = "The Product Owner and the Product Manager picked differently, so they talk it "
        .. "through. The backlog's order is the PO's to decide, after hearing the PM out. "
    end
    local tone = "Jordan is calm and has done the homework."
    if game.flags.turf_war then
      tone = "The turf claimed in the first month is still between you."
    elseif game.flags.split_agreement then
      tone = "It is your weekly hour, the one you wrote into your agreement. Someone brought "
        .. "coffee."
    end
    return duet .. "A closed door and a whiteboard. " .. tone .. "\n\n"
      .. "On one side, the renewal: $660k, " .. climacore_share(game) .. "% of revenue, "
      .. "and a reference customer for every enterprise deal. On the other, the funnel: six "
      .. "in ten new accounts stall before their twentieth job, every quarter. Both numbers "
      .. "are true."
  end,
  choices = {
    { "Go back to the shared goal, let cost of delay set the sequence, and take one plan "
      .. "to Priya that you both defend",
      id = "one_plan",
      next = function(game) return po_turn(game) and "po_review" or "pm_renewal" end,
      score = { negotiation = 3, backlog = 2, roadmap = 2 },
      effects = { morale = 5 },
      set = { "aligned" },
      feedback = "Interests over positions: one of you needs the renewal, the other the goal, "
              .. "and a sequence serves both. The PO orders it, the PM sells it, and defending "
              .. "one plan together is what makes the split of the roles work." },
    { "Disagree and commit: the PO orders it, the PM writes down why they disagree, and "
      .. "both back the order in public",
      id = "disagree_commit",
      next = function(game) return po_turn(game) and "po_review" or "pm_renewal" end,
      score = { negotiation = 2, backlog = 1, roadmap = 1 },
      set = { "aligned" },
      feedback = "The owner decides and both commit: a healthy way to end an argument that "
              .. "data can't settle. The written dissent is useful later, when the numbers "
              .. "show who was right." },
    { "Escalate to Priya with both numbers, and let the CEO choose between the renewal "
      .. "and the onboarding goal",
      id = "escalate_ceo",
      next = function(game) return po_turn(game) and "po_review" or "pm_renewal" end,
      score = { negotiation = -1 },
      feedback = "Escalation is sometimes right, but escalating before you've tried to "
              .. "settle it makes the CEO the referee of every product argument from now on." },
    { "Split the teams: each of you runs one team your own way until the renewal is "
      .. "signed, and you compare results in a quarter",
      id = "split_teams",
      next = function(game) return po_turn(game) and "po_review" or "pm_renewal" end,
      score = { negotiation = -2, backlog = -1 },
      effects = { morale = -10 },
      set = { "split_teams" },
      feedback = "Two product people, two directions, one product: the teams feel the rope "
              .. "in every sprint. The tension between the roles is healthy only when it is "
              .. "settled, not divided." },
  },
}

-- Where the Scale phase goes after the renewal and the review: the pay talks
-- (each player negotiates their own), or, in the workshop cut, the board.
local function pay_or_board(game)
  if CUT == "workshop" then return "board_call" end
  if game.role == "pm" and not game.duet then return "pay_intro_pm" end
  return "pay_intro_po"
end

scene "po_review" {
  title = "Done Enough?",
  phase = "Scale",
  by = "po",
  text = function(game)
    return "Sprint Review. The team shows the onboarding wizard: it passes nine of its "
      .. "eleven acceptance criteria. The two that fail: importing technicians from a "
      .. "spreadsheet, and an error message that nobody in the room can explain.\n\n"
      .. the_pm(game) .. " has a webinar with 600 prospects on Thursday and would love "
      .. "to demo it live. The review is for inspecting the work and adapting the backlog; "
      .. "releasing is your call, any day the increment is done."
  end,
  discuss = "Two acceptance criteria failed. What can be released, and what does a 'beta' label change?",
  choices = {
    { "Fix the error message, split the import into its own backlog item, and release "
      .. "the rest on Thursday behind a flag",
      id = "split_release",
      next = function(game)
        if game.duet then return "pm_renewal" end
        return pay_or_board(game)
      end,
      score = { backlog = 3, launch = 1 },
      effects = { customers = 10 },
      feedback = "What fails its criteria isn't done and isn't released: it becomes its own "
              .. "backlog item, ordered on its merits. The rest, once it is done, can ship to "
              .. "new accounts behind a flag, and the webinar demos the real thing." },
    { "Hold the whole release until all eleven criteria pass; the webinar demos from "
      .. "staging, labelled \"next sprint\"",
      id = "hold_all",
      next = function(game)
        if game.duet then return "pm_renewal" end
        return pay_or_board(game)
      end,
      score = { backlog = 2 },
      effects = { trust = -5 },
      feedback = "Holding the line on done keeps the criteria meaningful, and nothing "
              .. "undone reaches customers. Splitting the failing item off would have let the "
              .. "done part reach users this week instead of next month." },
    { "Release on Thursday with the import labelled beta and the error message fixed, "
      .. "new accounts only, behind a flag",
      id = "beta_label",
      next = function(game)
        if game.duet then return "pm_renewal" end
        return pay_or_board(game)
      end,
      score = { backlog = -1, launch = 1 },
      effects = { customers = 10, debt = 5 },
      feedback = "A beta label doesn't make undone work done: the import failed its "
              .. "criteria and ships anyway, to the very accounts that stall at setup. A flag "
              .. "limits the damage; it doesn't change the definition." },
    { "Release it to everyone on Thursday: nine out of eleven is close enough, the demo "
      .. "needs real accounts, and fixes can follow",
      id = "release_all",
      next = function(game)
        if game.duet then return "pm_renewal" end
        return pay_or_board(game)
      end,
      score = { backlog = -2, launch = -1 },
      effects = { debt = 10 },
      feedback = "Acceptance criteria you override whenever a date appears stop meaning "
              .. "anything. The confusing error message reaches every new account." },
  },
}

local function climacore_outcome(game, chance)
  if game.random(1, 100) <= chance then
    game.flags.renewed = true
  else
    game.flags.climacore_churned = true
  end
  update_revenue(game)
end

scene "pm_renewal" {
  title = "The Renewal",
  phase = "Scale",
  by = "pm",
  text = function(game)
    local heard = ""
    if game.flags.linda_heard then
      heard = "\n\nLinda, when you asked: \"My branch managers need to see their own "
        .. "technicians and nobody else's. That's all 'hierarchy' means by March. Reports "
        .. "can wait.\" And switching would mean losing three years of job history."
    end
    return "Linda Voss, on a video call, crisp as ever: \"We'll renew for a year if the "
      .. "branch hierarchy is live by March. Jobsite360 has offered us 30% off to switch. "
      .. "I'd rather not switch. Convince me.\"\n\nStakeholder trust stands at {trust}."
      .. heard
  end,
  choices = {
    { "Ask Linda what the hierarchy must let her branch managers do by March, and what "
      .. "happens if it doesn't",
      id = "ask_linda",
      once = true,
      next = "pm_renewal",
      score = { negotiation = 1 },
      set = { "linda_heard" },
      feedback = "Interests before offers: \"the hierarchy\" is a position; what the branch "
              .. "managers must be able to do is the interest. Her answer tells you what you "
              .. "can trade." },
    { "Offer two years: bulk reassign now, the part of the hierarchy her managers need by "
      .. "March, the rest in Q2",
      id = "interests_trade",
      requires = { "linda_heard" },
      when = function(game) return game.stats.trust >= 35 end,
      locked = "Needs to know what she needs by March, and her trust in your dates (35 or more)",
      act = function(game) climacore_outcome(game, 90) end,
      next = pay_or_board,
      score = { negotiation = 3, launch = 1 },
      effects = { trust = 5 },
      feedback = "Interests first (what must work by March), then her real alternative "
              .. "(Jobsite360's discount doesn't migrate her history), then a trade: a longer "
              .. "term for a realistic date. Nothing was given away." },
    { "Offer 10% off for a two-year term, with bulk reassign now and the hierarchy as a "
      .. "goal for Q2, not a date",
      id = "trade_discount",
      act = function(game) climacore_outcome(game, 85) end,
      next = pay_or_board,
      score = { negotiation = 1, launch = 1 },
      set = { "renewal_discount" },
      feedback = "A concession traded for something (two years) is a real negotiation, and "
              .. "10% is far from Jobsite360's 30. You could have asked what she needs by "
              .. "March before putting money on the table." },
    { "Match Jobsite360's 30% discount to keep her, and promise the hierarchy as soon as "
      .. "the team can",
      id = "match_discount",
      act = function(game) climacore_outcome(game, 85) end,
      next = pay_or_board,
      score = { negotiation = -2 },
      set = { "renewal_discount" },
      feedback = "You negotiated against yourself: she said she'd rather not switch, and you "
              .. "answered with $200k a year before asking a single question." },
    { "Promise the hierarchy by March: the team will find a way somehow, and she needs to "
      .. "hear a clear yes from us today",
      id = "promise_march",
      act = function(game) climacore_outcome(game, 80) end,
      next = pay_or_board,
      score = { negotiation = -1, roadmap = -2 },
      effects = { debt = 10, morale = -5 },
      feedback = "A date nobody estimated, promised to the biggest customer, over the PO's "
              .. "backlog: you kept the renewal and bought next quarter's crisis." },
  },
}

-- ---------------------------------------------------------------- pay
--
-- Each product person negotiates their own package with Sam Whitfield,
-- Head of People: the PO in pay_intro_po and after, the PM in pay_intro_pm.
-- Solo, the player has only their own talk; in a duet, each player has
-- theirs (by = role). The scene ids are literal in the calls below so that
-- the tools can follow them.

-- The option grant's facts, from the company's last round.
local function option_facts(game)
  local price, strike, prefs = "$0.20", "$0.07", "$1.9M"
  if game.flags.series_a_strong then
    price, strike, prefs = "$0.45", "$0.15", "$4.5M"
  elseif game.flags.series_a_small then
    price, strike, prefs = "$0.20", "$0.07", "$3M"
  end
  return "Sam on the options: 0.35% is 168,000 options out of 48 million shares, fully "
    .. "diluted. The strike is " .. strike .. ", the common stock's current value; investors "
    .. "last paid " .. price .. " a preferred share. Their " .. prefs .. " comes back first "
    .. "in a sale (1x, non-participating). Expect 20 to 25% dilution at the Series A. "
    .. "Four years' vesting, one-year cliff, 90 days to exercise after leaving, like "
    .. "everyone's. Nothing about an acquisition."
end

local function pay_talk(r, intro, counter, result, done)
  local flag = function(name) return name .. "_" .. r end
  local salary, budget = "salary_" .. r, "budget_" .. r
  local title = r == "po" and "Product Owner" or "Product Manager"

  scene(intro) {
    title = "Your Package",
    phase = "Scale",
    by = r,
    on_enter = function(game)
      if game.stats[budget] > 0 then return end
      -- Sam's ceiling for the base salary, which the player never sees.
      game.stats[budget] = game.random(150, 172)
    end,
    text = function(game)
      local who = game.duet and ("This one is the " .. title .. "'s. ") or ""
      local f = game.flags
      if not (f[flag("prepared")] or f[flag("band")] or f[flag("terms")]) then
        return who .. "Sam Whitfield, Head of People, books an hour. With the split, product "
          .. "roles get a career ladder, and a new package comes with it.\n\n"
          .. "\"Two shapes,\" Sam says, sliding a page across. \"" .. title .. ", level P3. "
          .. "A: $148k base and a 15% bonus on company targets. B: $138k base and 0.35% of "
          .. "the company in stock options. Ask me anything. I'd rather you asked now than "
          .. "wondered later.\"\n\n"
          .. "You earn $128k today, and you run two teams' worth of product. Jobsite360's "
          .. "recruiter has called twice this month."
      end
      local known = {}
      if game.flags[flag("prepared")] then
        known[#known + 1] = "Your research: product roles with your scope (two teams, a "
          .. "product line of a few million a year) pay $150k to $170k base in this city, "
          .. "PO or PM alike; that is usually a senior level. Your walk-away is $150k. Your "
          .. "alternative today is staying on $128k; Jobsite360 would interview you next week."
      end
      if game.flags[flag("band")] then
        known[#known + 1] = "Sam on the bands: P3 pays $130k to $152k; P4, senior, $148k to "
          .. "$172k. \"Levels follow scope. Make the case.\""
      end
      if game.flags[flag("terms")] then
        known[#known + 1] = option_facts(game) .. " The bonus: 15% of base on revenue and "
          .. "retention targets; it paid 60% of target two years ago and 100% last year."
      end
      return who .. "Sam's page: " .. title .. ", P3. A: $148k and a 15% bonus; B: $138k and "
        .. "0.35% in options.\n\n" .. table.concat(known, "\n\n")
    end,
    choices = {
      { "Do the homework: benchmark the role by scope and level, write down your "
        .. "walk-away, and line up an alternative",
        id = "homework",
        once = true,
        next = intro,
        score = { negotiation = 2, vision = 1 },
        set = { flag("prepared") },
        feedback = "Market data for your scope gives you an anchor you can defend; a walk-away "
                .. "decided in advance keeps you from talking yourself down; an interview "
                .. "that could become an offer is how you build a BATNA." },
      { "Ask Sam for the pay bands of this level and the one above before you name any "
        .. "number at all",
        id = "ask_band",
        once = true,
        next = intro,
        score = { negotiation = 2 },
        set = { flag("band") },
        feedback = "Where pay-transparency laws apply, and increasingly everywhere, asking "
                .. "for the range first is standard and costs nothing. The band tells you "
                .. "where your anchor can land, and the level above is half the negotiation." },
      { "Ask for the fine print of both: shares, strike, last price, preferences, "
        .. "dilution, and the bonus's payout history",
        id = "fine_print",
        once = true,
        next = intro,
        score = { negotiation = 3 },
        set = { flag("terms") },
        feedback = "0.35% means nothing until you know of what, at what price, behind whose "
                .. "preferences and after how much dilution; a 15% bonus target is worth what "
                .. "it has paid. Early options are high-risk: value them low unless you "
                .. "believe in the outcome." },
      { "You know enough to make a serious counter: go back to Sam with your numbers",
        id = "to_counter",
        next = counter,
        feedback = function(game)
          local missing = {}
          if not game.flags[flag("prepared")] then missing[#missing + 1] = "market data" end
          if not game.flags[flag("band")] then missing[#missing + 1] = "the bands" end
          if not game.flags[flag("terms")] then missing[#missing + 1] = "the fine print" end
          if #missing == 0 then
            return "You go in knowing the market, the bands, your walk-away and the fine "
              .. "print of both offers: the strongest position an employee ever has."
          end
          return "You counter without " .. table.concat(missing, " or ") .. ". Questions are "
            .. "the cheapest move in a negotiation; every one you skip is a guess."
        end },
      { "Take option A on the spot: $20k more than you earn now, and a bonus that pays "
        .. "out most years",
        id = "take_a",
        act = function(game) game.stats[salary] = 148 end,
        next = done,
        score = { negotiation = -2 },
        feedback = "Accepting the first offer because it beats your current pay compares it to "
                .. "the wrong number. The market for your scope, not your old salary, is the "
                .. "benchmark." },
      { "Take option B on the spot: you believe in Fieldnote, the options could be worth "
        .. "far more, and the details can wait",
        id = "take_b",
        act = function(game) game.stats[salary] = 138 end,
        next = done,
        score = { negotiation = -2 },
        feedback = "Belief is a fine reason to want equity and a poor reason not to read the "
                .. "terms. Without the share count, strike, preferences and dilution, you "
                .. "accepted a lottery ticket of unknown size." },
    },
  }

  scene(counter) {
    title = "The Counter",
    phase = "Scale",
    by = r,
    text = function(game)
      local room = ""
      if game.flags[flag("room")] then
        room = "\n\nSam, when you asked where the room is: \"Level is the easiest to move, "
          .. "if the scope supports it. Base is capped by the band. Options are the board's.\""
      end
      return "Sam is back, with coffee and the same page. \"So. What would make this a yes "
        .. "for you?\"" .. room
    end,
    discuss = "Cash, equity or level: which did you ask for, and what about your own savings, risk appetite and plans made it right?",
    choices = {
      { "Cash: counter at $165k plus the bonus, citing the survey, and say calmly that "
        .. "below $150k you would stay put",
        id = "counter_cash",
        requires = { flag("prepared") },
        locked = "Research the market and your walk-away first",
        next = result,
        score = { negotiation = 3 },
        set = { flag("cash") },
        feedback = "An ambitious anchor you can defend, and a floor said early and calmly, not "
                .. "as an ultimatum. Cash and a bonus suit you if you value certainty or have "
                .. "little in savings; you trade the options' upside for it, knowingly." },
      { "Equity: $145k base and 0.5% in options, with double-trigger acceleration written "
        .. "in if Fieldnote is sold",
        id = "counter_equity",
        requires = { flag("prepared"), flag("terms") },
        locked = "Research the market and ask about the option terms first",
        next = result,
        score = { negotiation = 3 },
        set = { flag("equity") },
        feedback = "You trade base for upside, knowing the price, the preferences and the "
                .. "dilution, and you fix the term that protects you in a sale. Right if you "
                .. "have savings and believe in the outcome; the 90-day window is the plan's, "
                .. "not yours to change." },
      { "Level: senior (P4) for the two-team scope you already run, in writing, then A's "
        .. "shape at P4's midpoint",
        id = "counter_level",
        requires = { flag("prepared"), flag("band") },
        locked = "Research the market and ask for the bands first",
        next = result,
        score = { negotiation = 3 },
        set = { flag("level") },
        feedback = "Title and level follow scope, and the level sets every raise after this "
                .. "one. Negotiating level and scope first, then pay inside the right band, is "
                .. "often worth more over three years than any number today." },
      { "Ask Sam where Fieldnote has room (base, bonus, options or level) and which is the "
        .. "easiest to move",
        id = "ask_room",
        once = true,
        next = counter,
        score = { negotiation = 1 },
        set = { flag("room") },
        feedback = "A question about their constraints is never wasted: it shows you what is "
                .. "cheap for them to give. It is not a counter; you still have to name what "
                .. "you want." },
      { "Tell Sam what you earn today and ask for 15% on top of it, to keep things simple "
        .. "and friendly",
        id = "disclose",
        next = result,
        score = { negotiation = -1 },
        set = { flag("disclosed") },
        feedback = "Disclosing your current pay anchors the talk on your past, not on the "
                .. "market for your scope. Sam will gladly give you 15% on $128k: it is below "
                .. "both offers' value." },
      { "Split the difference between A and B: $143k base, half the bonus and half the "
        .. "options",
        id = "split_ab",
        next = result,
        score = { negotiation = -1 },
        set = { flag("split") },
        feedback = "Splitting the difference is a reflex, not a strategy: you gave up half of "
                .. "each offer for $5k of base, without learning what either was worth." },
      { "Ask for $200k and see what Sam says: you can always come down later if you have "
        .. "to, and Sam expects a high opener",
        id = "overreach",
        next = result,
        score = { negotiation = -2 },
        set = { flag("overreached") },
        feedback = "An anchor is only as strong as the research behind it. A number $30k above "
                .. "the top of any band you could find is a bluff Sam can see, and it weakens "
                .. "everything you say next." },
    },
  }

  scene(result) {
    title = "Sam's Answer",
    phase = "Scale",
    by = r,
    on_enter = function(game)
      local f = game.flags
      if f[flag("cash")] then
        game.stats[salary] = math.min(165, game.stats[budget])
      elseif f[flag("equity")] then
        game.stats[salary] = 145
      elseif f[flag("level")] then
        game.stats[salary] = math.min(160, game.stats[budget])
      elseif f[flag("overreached")] then
        game.stats[salary] = 148
      elseif f[flag("disclosed")] then
        game.stats[salary] = 147
      else
        game.stats[salary] = 143
      end
    end,
    text = function(game)
      local f, s = game.flags, game.stats[salary]
      if f[flag("cash")] then
        if s >= 165 then
          return "Sam reads your numbers, then the survey. \"That's fair. $165k and the 15% "
            .. "bonus. I'll need a day to get it signed off, but yes.\""
        end
        return "Sam reads your numbers, then the survey. \"I can't do 165. The top I can "
          .. "take upstairs is $" .. s .. "k, and I'll give you that, with the bonus.\""
      elseif f[flag("equity")] then
        local grant = game.stats[budget] >= 158 and "0.5%" or "0.42%"
        return "Sam nods slowly. \"$145k, and " .. grant .. " in options. Double-trigger "
          .. "acceleration I can write in: if you lose the job in a sale, you vest in full.\""
      elseif f[flag("level")] then
        return "Sam checks the ladder against your scope. \"Senior, P4, with Dispatch's two "
          .. "teams written into the role. $" .. s .. "k and the bonus. That I can defend.\""
      elseif f[flag("overreached")] then
        return "Sam puts the page down. \"That's not a number I can take upstairs. Option A "
          .. "stands: $148k and the bonus.\" The room is a little colder."
      elseif f[flag("disclosed")] then
        return "Sam smiles. \"Fifteen percent on 128? $147k, then, and the bonus. Done.\" It "
          .. "was that easy, which should worry you."
      end
      return "Sam smiles, a little surprised. \"$143k, half the bonus and half the options? "
        .. "If that's what you want.\""
    end,
    choices = {
      { "Accept, and ask Sam to put all of it in writing: base, level, bonus terms, the "
        .. "grant and a review date",
        id = "in_writing",
        next = done,
        score = { negotiation = 3 },
        set = { flag("written") },
        feedback = "A yes is not an agreement until it's written down: base, level, bonus "
                .. "measures, the grant's terms and a review date. Good HR people expect the "
                .. "request." },
      { "Accept, and trade the last bit of base for a pay review in six months, all of it "
        .. "in writing",
        id = "trade_review",
        next = done,
        score = { negotiation = 2 },
        set = { flag("written") },
        feedback = "Trading rather than giving: a review date costs Sam nothing today and is "
                .. "worth real money if Dispatch keeps growing. Written down, it will happen." },
      { "Hold out for $165k: tell Sam it's your final number and you need an answer by "
        .. "Friday",
        id = "hold_out",
        when = function(game) return game.flags[flag("cash")] and game.stats[salary] < 165 end,
        next = done,
        score = { negotiation = -1 },
        feedback = "Sam showed you the ceiling; an ultimatum against a real limit is a bluff "
                .. "you would have to back by leaving. Sam holds, and you accept anyway, with "
                .. "less goodwill." },
      { "Reset with your research: apologise for the number, show the survey, and ask for "
        .. "$160k instead",
        id = "reset",
        when = function(game)
          return game.flags[flag("overreached")] and game.flags[flag("prepared")]
        end,
        act = function(game) game.stats[salary] = math.min(160, game.stats[budget]) end,
        next = done,
        score = { negotiation = 1 },
        feedback = "Recovering from a bad anchor with data is possible, and you did. It cost "
                .. "some goodwill the first number didn't need to spend." },
      { "Decline calmly: $148k is below the $150k floor you set, so stay on your terms and "
        .. "take the interview",
        id = "walk",
        when = function(game)
          return not game.duet and game.flags[flag("overreached")]
            and game.flags[flag("prepared")] and game.stats[salary] < 150
        end,
        next = "new_chapter",
        score = { negotiation = 1 },
        feedback = "Walking away is legitimate when no deal above your floor is on the table. "
                .. "Here one was, at the top of the band, until the $200k anchor closed the "
                .. "door; the reset would have found it." },
      { "Accept on a handshake: Sam has always been straight with you, paper feels like "
        .. "mistrust, and you'll both remember",
        id = "handshake",
        next = done,
        score = { negotiation = -1 },
        feedback = "Sam probably is straight. But Sam may not be here when the review date "
                .. "comes, and the terms you didn't write down are the ones that matter most "
                .. "in a sale." },
    },
  }
end

-- Not in the workshop cut (The Offer is the scenario for pay).
if CUT == "full" then
  pay_talk("po", "pay_intro_po", "pay_counter_po", "pay_result_po",
    function(game) return game.duet and "pay_intro_pm" or "career" end)
  pay_talk("pm", "pay_intro_pm", "pay_counter_pm", "pay_result_pm",
    function(game) return "career" end)
end

-- Not in the workshop cut.
if CUT == "full" then
scene "career" {
  title = "Three Years From Now",
  phase = "Scale",
  by = "both",
  text = function(game)
    local paths
    if game.duet then
      paths = "Each of you could grow in your role (product ownership across a whole product "
        .. "area; or toward group PM and head of product), or cross to the other."
    elseif game.role == "pm" then
      paths = "You could grow as a Product Manager toward group PM and head of product, "
        .. "carrying the market and the P&L. Or you could cross to the Product Owner side, "
        .. "closer to the teams and the Product Goal, where Jordan has thrived."
    else
      paths = "You could grow as a Product Owner toward owning the goals of a whole product "
        .. "area, several teams and their backlogs. Or you could cross to product "
        .. "management, where market and P&L decisions are made."
    end
    return "Late on a Thursday, Priya sits on the edge of your desk. \"Jordan told me they "
      .. "want my job one day. I liked that. Where do you want to be in three years?\"\n\n"
      .. paths .. "\n\nPriya: \"Neither is the junior one, whatever the internet says.\""
  end,
  discuss = "Priya says neither path is the junior one. Does your organisation behave as if that were true?",
  choices = {
    { "Grow as a Product Owner: a bigger product area, with a written development plan "
      .. "and a mentor who has done it",
      id = "po_path_po",
      role = "po",
      next = "board_call",
      score = { vision = 2, negotiation = 1 },
      set = { "career_po" },
      feedback = "A deliberate choice with a plan and a mentor. Product ownership done well, "
              .. "across several teams, is a senior craft, not a waiting room for a PM title. "
              .. "Crossing to PM would have been just as good a choice, made this way." },
    { "Cross toward product management: ask for a stretch project with a revenue target "
      .. "first, to test it",
      id = "pm_path_po",
      role = "po",
      next = "board_call",
      score = { vision = 2, negotiation = 1 },
      set = { "career_pm" },
      feedback = "Testing the move with a stretch project is the low-risk way to find out "
              .. "whether you want the market and the P&L, before you change jobs. Staying "
              .. "a PO, with a plan, would have been just as good a choice." },
    { "Grow as a Product Manager: ask for a path to group PM, with a P&L target and a "
      .. "review in a year",
      id = "pm_path_pm",
      role = "pm",
      next = "board_call",
      score = { vision = 2, negotiation = 1 },
      set = { "career_pm" },
      feedback = "A clear direction with a measurable target: the PM path leads to group PM "
              .. "and head of product through results you own. Crossing to the PO side, with "
              .. "a plan, would have been just as good a choice." },
    { "Cross toward product ownership: shadow the Sprint Reviews for a quarter, then "
      .. "decide with a development plan",
      id = "po_path_pm",
      role = "pm",
      next = "board_call",
      score = { vision = 2, negotiation = 1 },
      set = { "career_po" },
      feedback = "Choosing the PO path with your eyes open, after seeing the work up close, "
              .. "is a mature career move. Neither role is a step down from the other." },
    { "Whichever path pays more in three years: the ladder shows the bands, and the "
      .. "bands tell you the rest",
      id = "pay_path",
      next = "board_call",
      score = { vision = -1 },
      feedback = "Pay follows impact in both paths, and the bands follow scope more than "
              .. "title. Choosing by this year's band picks the job you'll be paid for, not "
              .. "the one you'll be good at." },
    { "Don't plan it: work hard, do good work, and see which door opens as the company "
      .. "grows; plans just get in the way",
      id = "no_plan",
      next = "board_call",
      score = { vision = -1 },
      feedback = "Careers drift toward whatever is urgent. You would never run a product "
              .. "without a goal; your career deserves one too." },
  },
}
end

scene "board_call" {
  title = "The Board Call",
  phase = "Scale",
  by = "pm",
  timer = 90,
  timeout = 4,
  on_enter = function(game)
    -- Solo PO, or the workshop without a renewal scene: the Product Manager
    -- handled the renewal; how it went depends on the company.
    if not game.flags.renewed and not game.flags.climacore_churned then
      local chance = 75
      if game.flags.aligned then chance = chance + 20 end
      if game.flags.climacore_risk then chance = chance - 35 end
      if game.flags.split_teams then chance = chance - 15 end
      climacore_outcome(game, chance)
    end
    if game.flags.dated_everything then
      -- The dates sales sold came due.
      game.cause("dated_everything")
      game.stats.trust = game.stats.trust - 15
    end
  end,
  text = function(game)
    local climacore = "ClimaCore renewed."
    if game.flags.climacore_churned then
      climacore = "ClimaCore left for Jobsite360 last month."
    elseif game.flags.renewal_discount then
      climacore = "ClimaCore renewed for two years, at a discount."
    end
    return "Series A board call. Fieldnote has {customers} customers, ${revenue}k a month "
      .. "in revenue and {runway} months of runway. " .. climacore .. "\n\n"
      .. "Ruth Adler: \"Before we talk about the round, one sentence from product. What is "
      .. "Fieldnote's strategy for the next eighteen months, and what number tells us it "
      .. "worked? You have ninety seconds.\""
  end,
  choices = {
    { "\"The dispatch desk for trades firms of 10 to 100 technicians; it works when net "
      .. "revenue retention passes 115%.\"",
      id = "dispatch_desk",
      act = function(game) game.stats.trust = game.stats.trust + 10 end,
      next = final_ending,
      score = { vision = 3, launch = 1 },
      feedback = "A target customer, a product promise and a business outcome, in a sentence "
              .. "the whole company can repeat. That is a strategy a board can fund; add the "
              .. "user's number (20 jobs in the first week) and it is complete." },
    { "\"Every new account dispatches 20 jobs in its first week; activation is what "
      .. "revenue and retention follow.\"",
      id = "activation",
      act = function(game) game.stats.trust = game.stats.trust + 5 end,
      next = final_ending,
      score = { vision = 2, backlog = 1 },
      feedback = "The Product Goal as strategy: a user outcome with a number, and a causal "
              .. "claim the board can test. It says less about whom you serve and how you win "
              .. "than Ruth asked for." },
    { "\"Enterprise: the ten largest HVAC chains, starting with ClimaCore, one reference "
      .. "at a time.\"",
      id = "enterprise_pitch",
      next = final_ending,
      score = { vision = -1, launch = -1 },
      feedback = "Clear, but it abandons the segment where you win for ten buyers who will "
              .. "each write your roadmap. And there is no number for Ruth to hold you to." },
    { "\"We'll keep listening closely to our customers and keep building what they ask us "
      .. "for, faster than anybody else.\"",
      id = "listening",
      act = function(game) game.stats.trust = game.stats.trust - 10 end,
      next = final_ending,
      score = { vision = -2, roadmap = -1 },
      feedback = "Listening is a method, not a strategy. A board hears \"no direction\", "
              .. "and a product built from every request becomes a feature factory." },
  },
}
