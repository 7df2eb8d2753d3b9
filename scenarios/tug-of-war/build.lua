-- Weeks 4-8: a big customer (a call, then an answer, both decided by both),
-- an outage (the PO), one headcount (both), a side letter from sales (both).

-- The call's choices in listed order, to tell whether the two picked alike.
local HAL_CALL = {
  { "ask what the approvals are for" },
  { "take his list" },
  { "tell him Ledgerline is bluffing" },
  { "sit in on their finance meeting", role = "po" },
  { "ask his problem and his alternative", role = "pm" },
}

scene "hal_call" {
  title = "A Call with Bluepeak",
  phase = "Build · Week 4",
  -- Both are on the call; if they would run it differently, settle() lets
  -- the PM's way stand: the customer is the PM's question.
  by = "both",
  on_enter = function(game) game.flags.market_question = true end,
  discuss = "Hal named two features. What would you have needed to know before answering?",
  text = function(game)
    local seen
    if game.flags.dated_roadmap then
      seen = " He has read your roadmap: \"It says approvals in November. I need them in September.\""
    elseif game.flags.no_roadmap then
      seen = " He has no roadmap to read: \"Roxanne says Q4 for everything. Which Q4?\""
    elseif game.flags.outcome_roadmap then
      seen = " He has read your roadmap: \"Next sounds a lot like not yet.\""
    else
      seen = ""
    end
    return "Roxanne patches product into a call with Hal Brennan, COO of Bluepeak "
      .. "Studios: 60 designers, about 27k€ a year at list price, and 40 partner studios that "
      .. "copy whatever Bluepeak uses.\n\n"
      .. "Hal is friendly and fast. \"Two things and we sign. Approval workflows, and single "
      .. "sign-on. By your summit. Ledgerline tells me they can.\"" .. seen
  end,
  choices = {
    { "Ask what the approvals are for: what goes wrong today, and what it costs him",
      next = "big_customer",
      score = { negotiation = 3, vision = 1 },
      effects = { trust = 5 },
      set = { "hal_interests" },
      feedback = "Interests over positions: \"approval workflows\" is Hal's solution, not his "
              .. "problem. Asking what goes wrong today, and what it costs, finds the need "
              .. "underneath, and with it more than one way to meet it." },
    { "Take his list, thank him, and promise an answer by Friday",
      next = "big_customer",
      score = { roadmap = 1 },
      set = { "hal_list" },
      feedback = "Not promising on the call is right: nothing is estimated. But you leave "
              .. "knowing his solution and not his problem, so Friday's answer can only be yes "
              .. "or no." },
    { "Tell him Ledgerline is bluffing, and that Tallybook is the better product for studios anyway",
      next = "big_customer",
      score = { negotiation = -2 },
      effects = { trust = -5 },
      set = { "hal_pushback" },
      feedback = "Arguing with his alternative makes him defend it. Ledgerline is Hal's BATNA: "
              .. "find out what it really offers him instead of dismissing it." },
    { "Ask to sit in on Bluepeak's Monday finance meeting and watch how they handle costs",
      role = "po",
      next = "big_customer",
      score = { vision = 2, roadmap = 1, negotiation = 1 },
      set = { "hal_interests" },
      feedback = "Watching the work beats asking about it: an hour in their finance meeting "
              .. "shows the problem behind the feature request. Users, not the buyer's list, "
              .. "are the PO's way in." },
    { "Ask what goes wrong without approvals today, and what Ledgerline offered him, in writing",
      role = "pm",
      next = "big_customer",
      score = { negotiation = 2, roadmap = 1, launch = 1 },
      set = { "hal_batna", "hal_interests" },
      feedback = "The PM's two questions in one: his problem, and his alternative. \"Ledgerline "
              .. "says they can\" is a claim until you see it; asking calmly, without dismissing "
              .. "it, tells you how strong Hal's BATNA is and what a deal must beat." },
  },
}

local BIG_CUSTOMER = {
  { "yes to both by the summit" },
  { "show Hal and Ines what moves" },
  { "say no, Bluepeak is not the goal" },
  { "spending limits per user", needs = "hal_interests" },
  { "refuse to discuss it until the sprint review", role = "po" },
  { "let Roxanne close it her way", role = "pm" },
}

scene "big_customer" {
  title = "Bluepeak's Answer",
  phase = "Build · Week 5",
  by = "both",
  conflict = "hal_talk",
  on_enter = function(game)
    game.flags.market_question = true
    if game.visits.big_customer == 1 then count_ruled(game, HAL_CALL) end
  end,
  text = function(game)
    local need = ""
    if game.flags.hal_pushback then
      need = "\n\nHal's email this morning is two lines long, and copies Ledgerline's offer."
    elseif game.flags.hal_batna then
      need = "\n\nHal forwarded Ledgerline's offer: approvals, yes; single sign-on, \"on our "
        .. "roadmap\". His alternative is weaker than he said on the call."
    elseif game.flags.hal_list then
      need = "\n\nYou have Hal's list. You don't have the reason behind it."
    elseif game.flags.hal_interests then
      need = "\n\nWhat Hal needs underneath: his juniors spend on client cards with no limit, "
        .. "31k€ unbilled last year. Marek: \"Limits per user? Five points.\""
    end
    return "Friday. Roxanne: \"Hal signs today if we say yes. Sixty seats, and forty studios "
      .. "watching.\"\n\n"
      .. "Marek's team has sized it: approvals 13 points, single sign-on 21. Together, 34 "
      .. "points: nearly all of the two sprints left before the summit. The goal: "
      .. goal_words(game) .. "."
      .. need
  end,
  choices = {
    { "Yes to both by the summit: sixty seats, forty studios watching, and Ines will be thrilled",
      next = "sync_engine",
      score = { vision = -2, roadmap = -2, negotiation = -1 },
      effects = { arr = 27, trust = 10, focus = -15, morale = -10, debt = 10 },
      set = { "overcommitted" },
      feedback = "Building for the biggest prospect hands him your quarter: nearly all of the "
              .. "two sprints left before the summit go to one customer's list, and the goal you "
              .. "set in week 1 slips quietly. If you wanted this, it needed to be a goal change, "
              .. "made openly." },
    { "Show Hal and Ines what moves: approvals after the summit, sign-on next quarter",
      next = "sync_engine",
      score = { negotiation = 2, roadmap = 1, vision = 2 },
      effects = { arr = 9, trust = 5, focus = 5 },
      set = { "tradeoff_visible", "pilot" },
      feedback = "The PO's best: \"if we add this, that moves\". With the cost in sprints on "
              .. "the table, Ines backs the goal, the team keeps every sprint before the summit, "
              .. "and Hal signs 20 seats as a pilot. He wanted all sixty, and he'll remember that "
              .. "you didn't say yes; if you know what he needs, a smaller fix may win more." },
    { "Say no: Bluepeak is not this quarter's goal",
      next = "sync_engine",
      score = { vision = 2, negotiation = -1 },
      effects = { trust = -10, focus = 5 },
      set = { "said_no" },
      feedback = "Saying no to a good deal that doesn't serve the goal is the hardest part of "
              .. "owning one. Saying it without asking what Hal needs leaves the next move to "
              .. "Ledgerline, and Roxanne walks out of the room." },
    { "Solve Hal's real problem: spending limits per user next sprint, sign-on dated for Q4",
      requires = { "hal_interests" },
      locked = "Only if you found out what the approvals are for",
      next = "sync_engine",
      score = { negotiation = 3, roadmap = 1, launch = 1 },
      effects = { arr = 27, trust = 10, nps = 3 },
      set = { "spend_limits" },
      feedback = "The PM's best: interests over positions. Five points solve the 31k€ problem "
              .. "that 13 points of approvals were meant to solve, sign-on goes on the Q4 "
              .. "roadmap, and Hal signs all sixty seats. The goal gives up five points of a "
              .. "sprint for it: the PO may fairly ask whether any customer gets that." },
    { "Refuse to discuss it until the sprint review: the sprint is locked",
      role = "po",
      next = "sync_engine",
      score = { roadmap = -1, negotiation = -2 },
      effects = { trust = -10 },
      set = { "hal_lost" },
      feedback = "Protecting the sprint is right; refusing the conversation is not. The PO "
              .. "defends the order with a trade-off, not a closed door. Hal signs "
              .. "with Ledgerline on Monday." },
    { "Let Roxanne close it her way: sales owns the deal",
      role = "pm",
      next = "sync_engine",
      score = { negotiation = -1, launch = -1 },
      effects = { arr = 27, trust = 5, focus = -10 },
      set = { "rox_closes", "overcommitted" },
      feedback = "Handing the customer to sales means the product promise gets made by whoever "
              .. "needs the signature. Roxanne closes, with both features promised for the summit." },
  },
}

scene "hal_talk" {
  title = "Hal Is Waiting",
  phase = "Build · Week 5",
  -- One decision after the talk: the customer is the PM's question.
  by = "pm",
  on_enter = function(game) game.flags.market_question = true end,
  text = function(game)
    return standoff(game, BIG_CUSTOMER)
      .. "Roxanne holds her phone against her chest: \"He's on hold, and Ledgerline's deck is "
      .. "in his inbox.\" Marek, from across the table: \"Tell me what we are *not* building "
      .. "and I'll tell you what we can.\"\n\n*Talk it through. Then the Product Manager, who "
      .. "owns the customer, enters what you agreed, or decides and says why.*"
  end,
  choices = {
    { "Agree what the goal can afford, then make Hal one offer: what's in, what moves",
      next = "sync_engine",
      score = { negotiation = 2 },
      effects = { trust = 5, focus = 10, settled_open = 1 },
      set = { "tradeoff_visible", "pilot" },
      act = function(game)
        if game.flags.hal_interests then
          game.flags.spend_limits = true
          game.stats.arr = game.stats.arr + 27
        else
          game.stats.arr = game.stats.arr + 9
        end
      end,
      feedback = function(game)
        local deal = game.flags.hal_interests
          and " Built on what Hal needs, spending limits, it can win all sixty seats."
          or " Without knowing what Hal needs, the best it can win is a 20-seat pilot."
        return "One offer, built on the goal you share and with the trade-off spelled out, is "
          .. "stronger than either first answer." .. deal
      end },
    { "Disagree and commit: the PM decides, offers a 20-seat pilot and says why; the PO backs it",
      next = "sync_engine",
      score = { negotiation = 1 },
      effects = { arr = 9, focus = 5, settled_owner = 1 },
      set = { "pilot" },
      feedback = "Disagree and commit works when the person who owns the question decides and "
              .. "the other backs it in public. The PO's worry about the goal is kept: the pilot "
              .. "takes no sprint before the summit." },
    { "Escalate: put both options to Ines tonight and let her decide for the company",
      next = "sync_engine",
      score = { negotiation = -2 },
      effects = { arr = 27, trust = -5, focus = -15, morale = -10, debt = 10, settled_up = 1 },
      set = { "overcommitted" },
      feedback = "Ines hears two product people who couldn't agree on one customer, and says "
              .. "yes to the revenue, the only number you gave her. Escalate a trade-off you "
              .. "have written down, not a stalemate." },
    { "Split the difference: approvals by the summit, no sign-on",
      next = "sync_engine",
      score = { negotiation = -2, roadmap = -1 },
      effects = { arr = 9, focus = -10, debt = 5, settled_split = 1 },
      set = { "half_yes" },
      feedback = "Half of each position is nobody's plan: Hal still has no sign-on, the goal "
              .. "still loses most of a sprint, and you negotiated against yourselves without "
              .. "asking what he needed." },
    { "Each answers Hal separately: the PM by email, the PO through Roxanne",
      next = "sync_engine",
      score = { negotiation = -3 },
      effects = { trust = -15, focus = -10, settled_split = 1 },
      set = { "hal_lost" },
      feedback = "Two answers from one company tell Hal that nobody at Tallybook can commit to "
              .. "anything. He signs with Ledgerline, and forwards both emails to Roxanne." },
  },
}

scene "sync_engine" {
  title = "The Night the Sync Broke",
  phase = "Build · Week 6",
  by = "po",
  discuss = "Rebuild now, patch, or pay it down steadily: who should the PO have asked first?",
  text = function(game)
    local booked = ""
    if game.flags.overcommitted or game.flags.half_yes then
      booked = " And Bluepeak's features already hold the sprints that might have paid for it."
    end
    return "03:10, Tuesday. The nightly bank sync fails for the third time this month, and "
      .. "1,900 accounts wake up to yesterday's balance. By nine, Sunniva Berg, head of "
      .. "support, has 340 tickets.\n\n"
      .. "Marek: \"The sync engine is four years of patches. Two sprints to rebuild it "
      .. "properly, or we keep patching.\" Tech debt stands at {debt}." .. booked
  end,
  choices = {
    { "Reserve 20% of every sprint for the sync engine until it's rebuilt, on the roadmap",
      next = "headcount",
      score = { roadmap = 3 },
      effects = { debt = -15, nps = 3, morale = 5 },
      set = { "debt_budget" },
      feedback = "Paying down debt deliberately, at a steady rate, stops the outages and keeps "
              .. "the goal moving. Putting it on the roadmap means nobody reads the slower "
              .. "feature pace as slack." },
    { "Stop all feature work for two sprints and rebuild it now",
      next = "headcount",
      score = { roadmap = 1 },
      effects = { debt = -25, focus = -10, trust = -5, nps = 2 },
      set = { "debt_stop" },
      feedback = "It fixes the engine for good and costs both sprints left before the "
              .. "summit, which nobody outside the team agreed to. A big-bang rebuild can be "
              .. "right; decide it with the PM and Ines, not at 3 a.m." },
    { "Patch it tonight and keep the roadmap as it is: the summit matters more this quarter",
      next = "headcount",
      score = { roadmap = -2 },
      effects = { debt = 15, nps = -4, morale = -5 },
      set = { "debt_ignored" },
      feedback = "The patch is right for tonight. As the plan, it borrows against the launch: "
              .. "the next failure will come in summit week, when the most new accounts "
              .. "connect a bank." },
    { "Reserve 20% for the rebuild, and email the 1,900 accounts what happened and what changes",
      role = "pm",
      next = "headcount",
      score = { roadmap = 2, launch = 1, negotiation = 1 },
      effects = { debt = -15, nps = 5, trust = 5 },
      set = { "debt_budget", "outage_mail" },
      feedback = "The PM's best: paying down the debt at a steady rate, and telling customers first with the "
              .. "cause and the fix, turns an outage into a moment of trust. What the "
              .. "team works on first is the PO's call, and the developers say how much fits: "
              .. "agree the 20% with them." },
  },
}

local HEADCOUNT = {
  { "a QA engineer" },
  { "a product analyst" },
  { "ask Ines for two" },
  { "two half-time contractors" },
  { "let Marek choose", role = "po" },
  { "the analyst on marketing's budget", role = "pm" },
}

scene "headcount" {
  title = "One Headcount",
  phase = "Build · Week 7",
  by = "both",
  conflict = "headcount_talk",
  on_enter = function(game)
    game.flags.market_question = false
    -- Week 7 comes due on the CEO's promise kept from the goal talk: Ines
    -- says it at the all-hands, and the team learns it from her.
    if game.visits.headcount == 1 and game.flags.ceo_hidden and not game.flags.goal_teams then
      game.cause("ceo_hidden")
      game.stats.focus = game.stats.focus - 10
      game.stats.morale = game.stats.morale - 5
    end
  end,
  discuss = "QA or analyst: which gap blocked the goal, and how did you know?",
  text = function(game)
    local heard = ""
    if game.flags.ceo_hidden and not game.flags.goal_teams then
      heard = "At Monday's all-hands Ines called Teams \"our growth story, as product knows\". "
        .. "Marek's developers heard it for the first time, six weeks into a different goal.\n\n"
    end
    return heard .. [[
Ines, between two board calls: "The board approved one hire this quarter.
*One.* Agree who, and tell me why."

The case for a QA engineer: the team tests by hand, and three of the last
five releases needed a hotfix. Tech debt stands at {debt}.

The case for a product analyst: nobody can say which accounts churn, or
whether the launch worked, without a week of Marek's time in SQL.]]
  end,
  choices = {
    -- Which hire unblocks the goal depends on the state of the code: each
    -- hire comes in two versions, and exactly one of each is offered.
    { "A QA engineer: with debt this high, releases that don't need hotfixes",
      when = function(game) return game.stats.debt >= 50 end,
      next = "side_letter",
      score = { roadmap = 2, vision = 2 },
      effects = { debt = -10, morale = 5 },
      set = { "hire_qa" },
      feedback = "With debt at this level, quality is what blocks the goal: the next outage "
              .. "would cost more customers than any dashboard could save. A QA engineer makes "
              .. "the launch safe and gives the developers their evenings back." },
    { "A QA engineer: releases that don't need hotfixes, and a safer launch",
      when = function(game) return game.stats.debt < 50 end,
      next = "side_letter",
      score = { roadmap = 1, vision = 2 },
      effects = { debt = -10, morale = 5 },
      set = { "hire_qa" },
      feedback = "The PO's case: a tired team testing by hand is the slowest part of the flow, "
              .. "and a QA engineer gives the developers their evenings back. With debt under "
              .. "control, the PM's case for data is as strong: which gap hurts the goal more?" },
    { "A product analyst: know which accounts churn and why, even with debt this high",
      when = function(game) return game.stats.debt >= 50 end,
      next = "side_letter",
      score = { launch = 2 },
      set = { "hire_analyst" },
      feedback = "Data on the goal matters, but with debt this high the next outage will say "
              .. "more about churn than any dashboard. Weigh which gap blocks the goal first." },
    { "A product analyst: know which accounts churn, and why, and measure the launch",
      when = function(game) return game.stats.debt < 50 end,
      next = "side_letter",
      score = { launch = 2, roadmap = 1 },
      set = { "hire_analyst" },
      feedback = "The PM's case: a goal you can't measure is a slogan. An analyst turns "
              .. "\"churn\" into cohorts you can act on and gives the launch a number that isn't "
              .. "sign-ups. With debt under control, right; the team's strain still needs an answer." },
    { "Ask Ines for two, and make the case louder",
      next = "side_letter",
      score = { negotiation = -1 },
      effects = { trust = -5 },
      set = { "hire_none" },
      feedback = "Asking again without a new argument negotiates against the CEO's decision, "
              .. "not with it. Three weeks pass, and the hire starts after the summit." },
    { "Two half-time contractors, one for each",
      next = "side_letter",
      score = { roadmap = -1, negotiation = -1 },
      effects = { morale = -5, focus = -5 },
      set = { "hire_split" },
      feedback = "Splitting the difference: two people half-present, each onboarding for a "
              .. "month, at a higher day rate. Neither gap closes before the summit." },
    { "Let Marek choose: it's his team",
      role = "po",
      next = "side_letter",
      score = { roadmap = 1, negotiation = -1 },
      effects = { debt = -10, morale = 5 },
      set = { "hire_qa" },
      feedback = "Marek knows his team's gap best, but the hire should serve the product goal, "
              .. "and only product holds that. Ask for his view; keep the decision." },
    { "Hire the analyst on marketing's budget and give the PO the headcount",
      role = "pm",
      next = "side_letter",
      score = { negotiation = -2 },
      effects = { trust = -10, debt = -10 },
      set = { "hire_qa", "hire_analyst" },
      feedback = "Getting both sounds clever until Ines finds the analyst in marketing's "
              .. "budget. Going around a decision costs more trust than losing the argument." },
  },
}

scene "headcount_talk" {
  title = "QA or Analyst?",
  phase = "Build · Week 7",
  -- One decision after the talk: what the team needs to deliver the goal is
  -- the PO's question.
  by = "po",
  on_enter = function(game)
    game.flags.market_question = false
    -- Which gap blocks the goal, as it stands when the two sit down.
    game.flags.debt_high = game.stats.debt >= 50
  end,
  text = function(game)
    return standoff(game, HEADCOUNT)
      .. "Ines wants a name on the requisition by tonight. Marek would take either. Elif, "
      .. "passing: \"Whoever it is, they'll ask what we're trying to achieve. Have an answer.\""
      .. "\n\n*Talk it through. Then the Product Owner enters what you agreed, or decides and "
      .. "says why.*"
  end,
  choices = {
    { "Let the goal decide: which gap blocks it most? The other is Q4's first hire",
      next = "side_letter",
      score = { negotiation = 2 },
      effects = { focus = 10, morale = 5, settled_open = 1 },
      act = function(game)
        if game.flags.debt_high then
          game.flags.hire_qa = true
          game.stats.debt = game.stats.debt - 10
        else
          game.flags.hire_analyst = true
        end
      end,
      feedback = function(game)
        local who = game.flags.debt_high and "quality is the bottleneck, so a QA engineer"
          or "debt is under control, so the analyst"
        return "The goal referees: " .. who .. " unblocks it most, and the other hire has a "
          .. "date. Disagreements settled by the goal don't need a winner."
      end },
    { "Disagree and commit: release quality is the PO's question, so QA; the PM backs it openly",
      next = "side_letter",
      score = { negotiation = 1 },
      effects = { focus = 5, debt = -10, settled_owner = 1 },
      set = { "hire_qa" },
      feedback = "Disagree and commit: the person who owns the question decides, the other "
              .. "backs it in front of the team, and the case for data stays on the table for Q4." },
    { "Flip a coin: neither of you wants a fight about a hire, and both are good hires",
      next = "side_letter",
      score = { vision = -1, negotiation = -2 },
      effects = { morale = -5, settled_split = 1 },
      act = function(game)
        if game.random(1, 2) == 1 then
          game.flags.hire_qa = true
          game.stats.debt = game.stats.debt - 10
        else
          game.flags.hire_analyst = true
        end
      end,
      feedback = "A coin avoids the fight and the thinking. Whichever hire wins, neither of you "
              .. "can tell the new person, or the team, why." },
    { "Escalate: send Ines two memos and let her pick",
      next = "side_letter",
      score = { negotiation = -2 },
      effects = { trust = -5, settled_up = 1 },
      set = { "hire_none" },
      feedback = "Ines asked product for a decision and gets a dispute. She parks the hire "
              .. "until after the summit: escalation without a recommendation is delay." },
  },
}

local SIDE_LETTER = {
  { "call Northlight with Roxanne and renegotiate" },
  { "honour it, overtime if needed" },
  { "ignore the letter" },
  { "take it to Ines" },
  { "drop the bank-connect work for sign-on", role = "po" },
  { "renegotiate and agree a rule with Roxanne", role = "pm" },
  { "show Roxanne the sprint and choose with her", role = "po" },
}

scene "side_letter" {
  title = "The Side Letter",
  phase = "Build · Week 8",
  by = "both",
  conflict = "letter_talk",
  on_enter = function(game)
    game.flags.market_question = true
    -- The quota promise of week 0 comes due: Roxanne sold Teams on the
    -- PM's word, and the goal turned out otherwise.
    if game.visits.side_letter == 1 and game.flags.quota_promise and not game.flags.goal_teams then
      game.cause("quota_promise")
      game.stats.trust = game.stats.trust - 10
    end
    -- Week 8 comes due on the quiet 80% cap: the PM planned the summit
    -- against the old velocity, the gap surfaces as a slipped date, and
    -- Roxanne no longer believes product's sprint plan.
    if game.visits.side_letter == 1 and game.flags.capacity_cap
      and not game.flags.burnout_shared then
      game.cause("cap_quietly")
      game.flags.velocity_surprise = true
      game.stats.trust = game.stats.trust - 5
      game.stats.morale = game.stats.morale - 5
    end
  end,
  discuss = "Whose promise is the side letter: Roxanne's, the company's, or product's now?",
  text = function(game)
    local load = ""
    if game.flags.overcommitted or game.flags.half_yes then
      load = " Bluepeak's approvals already eat that sprint."
    end
    if game.flags.quota_promise and not game.flags.goal_teams then
      load = load .. " And to you, flatly: \"You told me in week 0 that Teams was the goal. "
        .. "I sold on that.\""
    end
    if game.flags.tradeoff_visible then
      load = load .. " Roxanne brings it to product before Marek hears of it: \"You showed Hal "
        .. "what moves. Show me.\""
    end
    return "Roxanne, bright and a little defensive: she closed Northlight Collective last "
      .. "night, 45 seats, 20k€ a year. To get the signature she added a side letter: single "
      .. "sign-on \"live by 30 September\", summit week. \"It was that or Ledgerline. You'd "
      .. "have done the same.\"\n\n"
      .. "Marek: \"Sign-on is 21 points: all of the last sprint before the summit, and then some.\""
      .. load .. "\n\nThe goal: " .. goal_words(game) .. "."
  end,
  choices = {
    { "Call Northlight with Roxanne: sign-on dated in Q4, a discount until it's live, in writing",
      when = function(game) return not game.flags.velocity_surprise end,
      locked = "Roxanne no longer trusts the sprint plan: it slipped in week 8 against a velocity nobody had shared",
      next = "pricing",
      score = { negotiation = 3, launch = 1 },
      effects = { arr = -2, trust = 5 },
      set = { "letter_reneg" },
      feedback = "Renegotiating early, with the person who made the promise beside you, and "
              .. "trading a concession (a discount) for the date keeps the deal and the goal. "
              .. "Northlight's interest is knowing when, not the 30th itself." },
    { "Honour it: the team builds sign-on in the last sprint, overtime if needed; a promise is a promise",
      next = "pricing",
      score = { roadmap = -2, vision = -1 },
      effects = { morale = -15, debt = 10, focus = -10 },
      set = { "letter_crunch" },
      feedback = "Keeping the company's word matters, but the cost lands on a team that never "
              .. "agreed to it, and the goal loses its last sprint. That is a decision to make "
              .. "in the open, not by default." },
    { "Ignore the letter: Northlight probably won't check",
      next = "pricing",
      score = { negotiation = -2, launch = -1 },
      set = { "letter_ignored" },
      feedback = "A written promise you know won't be kept is a churn event with a date on it: "
              .. "30 September, the week the whole market is watching you." },
    { "Take it to Ines: sales can't sign product promises",
      next = "pricing",
      score = { negotiation = -1 },
      effects = { trust = -5, focus = -5 },
      set = { "letter_crunch" },
      feedback = "The process point is right; taking it to the CEO first makes it about "
              .. "Roxanne. Ines backs the signature, and the team gets the overtime. Fix the deal "
              .. "with Roxanne, then the rule." },
    { "Pull sign-on into the sprint and drop the bank-connect work to make room",
      role = "po",
      next = "pricing",
      score = { vision = -2, roadmap = -1 },
      effects = { focus = -15 },
      set = { "letter_dropped_goal" },
      feedback = "The PO decides what the team builds, but the order came from the goal. "
              .. "Dropping the goal's own work for one customer's date, without saying so, is "
              .. "how a goal dies quietly." },
    { "Renegotiate the date with Northlight, and agree a rule with Roxanne: no date without an estimate",
      when = function(game) return not game.flags.velocity_surprise end,
      locked = "Roxanne no longer trusts the sprint plan: it slipped in week 8 against a velocity nobody had shared",
      role = "pm",
      next = "pricing",
      score = { negotiation = 4, roadmap = 1 },
      effects = { arr = -2, trust = 10, focus = 5 },
      set = { "letter_reneg", "date_rule" },
      feedback = "The PM's best: fixing the deal and the process together. Northlight gets a "
              .. "date it can trust, and Roxanne gets a rule she helped write, so next quarter's "
              .. "side letter never happens." },
    { "Show Roxanne the sprint: if sign-on goes in, the bank step moves; choose with her",
      when = function(game) return not game.flags.velocity_surprise end,
      locked = "Roxanne no longer trusts the sprint plan: it slipped in week 8 against a velocity nobody had shared",
      role = "po",
      next = "pricing",
      score = { roadmap = 2, vision = 1, negotiation = 1 },
      effects = { trust = 5, focus = 5 },
      set = { "letter_reneg" },
      feedback = "The PO's best: the sprint is yours, and the trade-off is visible. Roxanne "
              .. "sees what sign-on would displace, and chooses a Q4 date for Northlight with "
              .. "you rather than overtime from the team." },
  },
}

scene "letter_talk" {
  title = "Whose Promise Is It?",
  phase = "Build · Week 8",
  -- One decision after the talk: a promise to a customer is the PM's question.
  by = "pm",
  on_enter = function(game) game.flags.market_question = true end,
  text = function(game)
    return standoff(game, SIDE_LETTER)
      .. "Roxanne has gone quiet, which with Roxanne is worse than loud. Marek needs to know "
      .. "by the end of the day what goes into the last sprint before the summit.\n\n*Talk it "
      .. "through. Then the Product Manager enters what you agreed, or decides and says why.*"
  end,
  choices = {
    { "Together: if sign-on goes in, the goal's work moves. Agree which, then call Northlight",
      next = "pricing",
      score = { negotiation = 2 },
      effects = { focus = 10, trust = 5, arr = -2, settled_open = 1 },
      set = { "letter_reneg", "date_rule" },
      feedback = "\"If we add this, that moves\", said by both of you, settles it: the goal "
              .. "keeps its sprint, Northlight gets a Q4 date and a discount, and Roxanne agrees "
              .. "a rule for the next deal." },
    { "Disagree and commit: the PM decides to renegotiate and says why; the PO backs it",
      next = "pricing",
      score = { negotiation = 1 },
      effects = { focus = 5, arr = -2, settled_owner = 1 },
      set = { "letter_reneg" },
      feedback = "The customer is the PM's question, so the PM decides and the PO commits in "
              .. "public. It holds, though nothing stops the next side letter." },
    { "Split it: half of sign-on by the 30th, the rest in October",
      next = "pricing",
      score = { negotiation = -2, roadmap = -1 },
      effects = { morale = -5, debt = 10, settled_split = 1 },
      set = { "letter_half" },
      feedback = "Half a sign-on is no sign-on: Northlight can't use it, and the team crunched "
              .. "for it anyway. Splitting the difference met neither interest." },
    { "Each handles their side: the PO shields the team, the PM handles Roxanne and Northlight, and you compare notes on Friday",
      next = "pricing",
      score = { negotiation = -3 },
      effects = { focus = -15, trust = -10, settled_split = 1 },
      set = { "letter_ignored" },
      feedback = "Two halves of one problem handled in private: the team hears \"no\", "
              .. "Northlight hears nothing, and the 30th arrives anyway." },
    { "Escalate: let Ines rule on it",
      next = "pricing",
      score = { negotiation = -2 },
      effects = { trust = -5, morale = -15, debt = 10, settled_up = 1 },
      set = { "letter_crunch" },
      feedback = "Ines backs the signature her company gave, and the team pays for it in "
              .. "overtime. Escalation handed the trade-off to the person with the least "
              .. "information about it." },
  },
}
