-- Weeks 9-13: pricing and the launch plan (the PM), launch morning and the
-- week after (the PO), the board pre-read (both).

-- What goes live at the summit, by goal.
local function launch_words(game)
  if game.flags.goal_retention then
    return "\"Connect in two minutes\", the rebuilt bank step"
  elseif game.flags.goal_teams then
    return "the Teams plan, with shared ledgers and roles for studios"
  end
  return "two half-finished pieces: a faster bank step for some banks and a Teams beta "
    .. "without roles"
end

scene "pricing" {
  title = "Pricing the Launch",
  phase = "Launch · Week 9",
  by = "pm",
  discuss = "Ines says 42€, Roxanne says 30% off. What would it take to know?",
  text = [[
The summit launch comes with a new pricing page. Tallybook charges 36€ a
month. Ines: "After this launch we're worth 42." Roxanne: "Give me 30% off
annual plans at the booth and I'll fill the funnel."

Last year's rise, from 32€ to 36€, was never tested. Churn rose a point that
quarter, and nobody knows whether that was why.]],
  choices = {
    { "Test it: 42€ for half of new sign-ups from the summit on; read conversion, then churn",
      next = "launch_plan",
      score = { launch = 3 },
      set = { "price_tested" },
      act = function(game)
        -- The market's answer is uncertain. It is drawn now, but nobody
        -- learns it (and ARR does not move) until the test reads out in
        -- week 12: see the board pre-read.
        if game.random(1, 100) <= 60 then
          game.flags.price_up = true
        end
      end,
      feedback = "Pricing tested rather than guessed: existing customers are untouched, and the "
              .. "36€ half of the launch cohort keeps the goal's churn number readable. The "
              .. "answer comes after the launch, in two weeks for conversion and a month for churn." },
    { "Raise to 42€ for everyone at the summit: the new product is worth it, and Ines agrees",
      next = "launch_plan",
      score = { launch = -1 },
      effects = { arr = 150, nps = -6, trust = 5 },
      set = { "price_raised" },
      feedback = function(game)
        local goal = game.flags.goal_retention
          and " And in the quarter your goal is churn, you have muddied your own number."
          or ""
        return "It may be right, and you will never know: whatever churn it causes lands in "
          .. "the same weeks as the launch's, on customers who were promised nothing new."
          .. goal
      end },
    { "30% off annual plans at the booth, as Roxanne asks",
      next = "launch_plan",
      score = { launch = -1, negotiation = -1 },
      effects = { arr = 40, nps = 2 },
      set = { "price_discount" },
      feedback = "A discount given for nothing anchors the price low and fills the funnel with "
              .. "people who came for the deal. Trade it for something: a commitment, a case "
              .. "study, a referral." },
    { "Trade the booth discount: 15% off annual plans for studios that give a case study",
      role = "pm",
      next = "launch_plan",
      score = { launch = 2, negotiation = 2 },
      effects = { arr = 50, trust = 5 },
      set = { "price_traded" },
      feedback = "A concession traded, not given: Roxanne gets her booth offer, marketing gets "
              .. "stories from real studios, and the list price stays where it is." },
    { "Keep 36€: price changes can wait until the goal is met",
      role = "po",
      next = "launch_plan",
      score = { vision = 1 },
      feedback = "Defensible focus: one change at a time keeps the goal's number readable. But "
              .. "you learn nothing about what the launch is worth; a test on new sign-ups "
              .. "would have cost no focus at all." },
  },
}

scene "launch_plan" {
  title = "The Launch Plan",
  phase = "Launch · Week 9",
  by = "pm",
  discuss = "A staged roll-out or a waitlisted beta: when is the keynote's reach worth the risk?",
  text = function(game)
    local extra = ""
    if game.flags.overcommitted then
      extra = " Plus Bluepeak's approvals, held together by Marek's weekends."
    end
    if game.flags.date_rule then
      extra = extra .. " Roxanne sends you the booth script before printing it: no date in "
        .. "it without Marek's estimate."
    end
    return "Eight days to Lisbon. Ines's keynote: 1,200 freelancers in the room, 40,000 on the "
      .. "stream. Going live: " .. launch_words(game) .. "." .. extra .. "\n\n"
      .. "Sunniva: \"Support needs to know what we're launching before the customers do.\" "
      .. "Roxanne: \"And sales needs to know who it's for.\""
  end,
  choices = {
    { "A one-page brief: segment, message, metrics chosen now, support and sales briefed, staged",
      next = "launch_morning",
      score = { launch = 3, negotiation = 1 },
      effects = { trust = 5 },
      set = { "launch_plan" },
      feedback = "A target segment, a message, success metrics chosen before the launch "
              .. "(activation in the first day, first-month churn) and a staged roll-out: now a "
              .. "bad morning can be contained and a good one measured." },
    { "Announce it to everyone at the keynote, and let the first week's sign-ups tell us how it went",
      next = "launch_morning",
      score = { launch = -1 },
      set = { "big_bang" },
      feedback = "Sign-ups always go up after a keynote. With no metric chosen in advance, any "
              .. "result can be called a success, and everyone meets the product at once." },
    { "Skip the brief: the team is busy shipping, marketing can improvise",
      next = "launch_morning",
      score = { launch = -2 },
      effects = { trust = -5 },
      set = { "no_plan" },
      feedback = "Support learns about the launch from the tickets, and sales pitches it to "
              .. "whoever is at the booth. A launch without positioning is a demo with an "
              .. "audience." },
    { "A waitlisted beta: 300 studios from the booth first, the rest once week-one activation tops 60%",
      id = "beta_new",
      when = function(game) return game.flags.goal_teams or game.flags.goal_split end,
      next = "launch_morning",
      score = { launch = 3, vision = 1 },
      set = { "beta" },
      feedback = "A beta with an exit criterion, for a product no customer has used yet: the "
              .. "keynote sells a waitlist instead of a product, and gives up the day's reach, "
              .. "but the first studios find the problems before the market does. For a new "
              .. "plan that is as strong a launch as a staged roll-out." },
    { "A waitlisted beta: 300 accounts from the booth first, the rest once week-one activation tops 60%",
      id = "beta_fix",
      when = function(game) return not (game.flags.goal_teams or game.flags.goal_split) end,
      next = "launch_morning",
      score = { launch = 2, vision = 1 },
      set = { "beta" },
      feedback = "A beta with an exit criterion is never a bad launch, and the keynote still "
              .. "fills the waitlist. But this is a fix to a step every customer already "
              .. "takes: a staged roll-out by bank gives the same safety without giving up the "
              .. "day's reach. A beta earns its cost when the product itself is new." },
    { "Agree the release's exit criteria with the team: what \"done enough to ship\" means on day 8",
      role = "po",
      next = "launch_morning",
      score = { launch = 2, roadmap = 1, vision = 1 },
      set = { "exit_criteria" },
      feedback = "Deciding what is done enough to ship, before the pressure of the day, is the "
              .. "PO's half of a launch. It still needs the PM's half: who it's for and how "
              .. "you'll know it worked." },
  },
}

scene "launch_morning" {
  title = "Keynote at Ten",
  phase = "Launch · Week 10",
  by = "po",
  timer = 60,
  timeout = 3,
  discuss = "6% of sign-ups will fail. Who decides what is done enough to ship, and on what evidence?",
  on_enter = function(game)
    -- What the PO knew in week 0 comes due: a team asked to crunch, that
    -- nobody planned for, loses someone before the summit.
    if game.visits.launch_morning == 1 and game.flags.burnout_hidden
      and (game.flags.letter_crunch or game.flags.letter_half or game.flags.overcommitted) then
      game.cause("burnout_hidden")
      game.stats.morale = game.stats.morale - 10
      game.stats.focus = game.stats.focus - 5
    end
  end,
  text = function(game)
    local more = ""
    if game.flags.hire_qa then
      more = " The new QA engineer caught it at 08:40."
    elseif game.flags.hire_split then
      more = " The contractor who was meant to test it is on day three of onboarding."
    elseif game.flags.hire_none then
      more = " Nobody was hired to test it; Marek found it himself at 08:50."
    end
    if game.flags.debt_ignored then
      more = more .. " Then, quieter: \"And the sync failed again last night. Patched, for now.\""
    elseif game.flags.debt_budget or game.flags.debt_stop then
      more = more .. " He adds: \"The sync engine, at least, has been quiet for three weeks.\""
    end
    if game.flags.launch_plan then
      more = more .. "\n\nThe launch brief says staged roll-out, and the switch to hold "
        .. "customers back by bank is built."
    end
    if game.flags.beta then
      more = more .. "\n\nThe launch brief says a waitlisted beta: 300 accounts from the "
        .. "booth today, the rest when week-one activation passes 60%."
    end
    if game.flags.exit_criteria then
      more = more .. "\n\nYour exit criteria say: no known failure in the bank step above 2% of "
        .. "sign-ups."
    end
    if game.flags.burnout_hidden
      and (game.flags.letter_crunch or game.flags.letter_half or game.flags.overcommitted) then
      more = more .. "\n\nOne of the two developers Marek worried about in week 0 went "
        .. "part-time last Friday."
    end
    return "Lisbon, 09:12. Ines walks on stage at ten. Marek calls from the hotel: \"The new "
      .. "bank step fails for customers of two banks, Caixa and Openbank. About 6% of sign-ups "
      .. "here. The fix takes four hours.\"" .. more .. "\n\n*Decide before she walks on.*"
  end,
  choices = {
    { "Go live except the two banks' customers: waitlist them, fix tonight, Ines says so",
      next = "first_week",
      score = { launch = 3, negotiation = 1 },
      effects = { trust = 5 },
      set = { "staged" },
      feedback = "A staged roll-out contains a known problem and still launches: 94% of the "
              .. "room gets the product, 6% get an honest date, and the keynote gets a story "
              .. "about a team that knows its product." },
    { "Hold the launch: Ines announces it on stage for next week, when it's fully ready",
      next = "first_week",
      score = { launch = -1 },
      effects = { trust = -10 },
      set = { "held_back" },
      feedback = "Holding for a 6% problem trades a known, containable bug for a public slip "
              .. "on the biggest stage of your year. Sometimes right; here a staged roll-out "
              .. "could contain it." },
    { "Go live for everyone as planned, and have the fix out by this afternoon",
      next = "first_week",
      score = { launch = -2 },
      set = { "launched_bug" },
      feedback = "The bank step does not meet the Definition of Done for two banks' "
              .. "customers, and work that isn't done isn't released: 6% of the summit's new "
              .. "accounts meet a broken first step, the step where most users already gave "
              .. "up. A date is worth keeping openly with less scope, not with a known defect." },
    { "Ines announces it on stage and opens a waitlist; accounts open in waves once the fix is live tonight",
      id = "waitlist",
      next = "first_week",
      score = { launch = 2 },
      effects = { trust = 5 },
      set = { "waitlist" },
      feedback = "Nobody meets a broken step and the keynote still happens: a fair call when "
              .. "you cannot tell the failing banks' customers apart at sign-up. It costs the "
              .. "day's momentum, since a waitlist converts worse than a working product, for "
              .. "the 94% who could have started this morning." },
  },
}

-- The market's reaction to the launch: a draw from the run's generator,
-- moved by how the quarter was run. Entered once.
local function market_reaction(game)
  local r = game.random(1, 100)
  if game.flags.goal_owned then r = r + 8 end
  if game.flags.goal_split then r = r - 10 end
  if game.flags.letter_dropped_goal then r = r - 8 end
  if game.flags.launch_plan then r = r + 12 end
  if game.flags.waitlist then r = r + 4 end
  if game.flags.big_bang then r = r - 4 end
  if game.flags.no_plan then r = r - 12 end
  if game.flags.staged then r = r + 10 end
  if game.flags.launched_bug then r = r - 20 end
  if game.flags.held_back then r = r - 8 end
  if game.flags.debt_budget or game.flags.debt_stop then r = r + 6 end
  if game.flags.debt_ignored then r = r - 12 end
  if game.flags.criteria or game.flags.exit_criteria then r = r + 5 end
  if game.flags.hire_qa then r = r + 5 end
  if game.flags.price_tested or game.flags.price_traded then r = r + 4 end
  if game.flags.letter_crunch or game.flags.letter_half then r = r - 8 end
  if game.stats.morale < 40 then r = r - 8 end

  -- A beta trades the keynote's reach for safety: it rarely stumbles in
  -- public, and cannot make the week's headlines.
  if game.flags.beta then r = math.min(r + 15, 74) end

  local level
  if r >= 75 then
    game.flags.launch_hit = true
    level = 3
    game.stats.nps = game.stats.nps + 12
    game.stats.arr = game.stats.arr + 150
  elseif r < 35 then
    game.flags.launch_flop = true
    level = 1
    game.stats.nps = game.stats.nps - 10
    game.stats.arr = game.stats.arr + 10
  else
    level = 2
    game.stats.nps = game.stats.nps + 4
    game.stats.arr = game.stats.arr + 60
  end

  -- The goal's own numbers.
  if game.flags.goal_retention then
    game.stats.churn = ({ 8, 6, 5 })[level]
  elseif game.flags.goal_split then
    game.stats.churn = ({ 9, 8, 7 })[level]
  end
  if game.flags.goal_teams then
    game.stats.studios = ({ 7, 15, 22 })[level]
  elseif game.flags.goal_split then
    game.stats.studios = ({ 4, 8, 12 })[level]
  else
    game.stats.studios = 3
  end
  if game.flags.pilot or game.flags.spend_limits or game.flags.overcommitted
    or game.flags.half_yes then
    game.stats.studios = game.stats.studios + 1
  end

  -- Northlight's 20k€ a year starts billing, unless the promise nobody kept
  -- came due on 30 September.
  if not game.flags.letter_ignored then
    game.stats.arr = game.stats.arr + 20
  end

  -- Consequences of earlier decisions, named for the debrief (last, so that
  -- nothing else is counted under them).
  if game.flags.dated_roadmap then
    -- The dates promised in week 3 come due: the board notices the slips.
    game.cause("dated_roadmap")
    game.stats.trust = game.stats.trust - 15
  end
  if game.flags.letter_ignored then
    game.cause("letter_ignored")
    game.stats.nps = game.stats.nps - 5
  end
end

scene "first_week" {
  title = "The Numbers Come In",
  phase = "Launch · Week 11",
  -- Both decide what the next sprint does with the launch's evidence; if
  -- they differ, settle() lets the PO's pick stand: it is the team's sprint.
  by = "both",
  on_enter = function(game)
    game.flags.market_question = false
    if game.visits.first_week == 1 then market_reaction(game) end
    -- Week 11: the date said yes to in week 1 comes due. Ines told the board
    -- "20 Teams accounts by the meeting"; nine have signed, and she hears it
    -- from Roxanne before she hears it from product.
    -- A target reset with the team's pace in view (teams_reset) has no such
    -- promise behind it.
    if game.visits.first_week == 1 and game.flags.goal_teams and not game.flags.teams_reset then
      game.cause("studios")
      game.flags.teams_slipped = true
      game.stats.trust = game.stats.trust - 10
      game.stats.morale = game.stats.morale - 5
    end
  end,
  text = function(game)
    local mood
    if game.flags.held_back then
      mood = "The launch went out a week after the summit, without a stage. "
    else
      mood = ""
    end
    if game.flags.launch_hit then
      mood = mood .. "It lands: 4,800 new accounts in a week, and the press picks it up."
    elseif game.flags.launch_flop then
      mood = mood .. "It stumbles: 2,100 new accounts, and the forums fill with screenshots "
        .. "of the bank step."
    else
      mood = mood .. "It does fine: 3,400 new accounts, a few good posts, no headlines."
    end
    if not game.flags.held_back then mood = "The launch is out. " .. mood end
    local goal
    if game.flags.goal_retention then
      goal = "Projected first-month churn for the launch cohort, from week-one bank connections: "
        .. "{churn}%, against a target of 5%."
    elseif game.flags.goal_teams then
      goal = "Paying Teams accounts: {studios}, against a target of " .. teams_target(game) .. "."
    else
      goal = "Projected first-month churn, from week-one bank connections: {churn}%. Teams "
        .. "accounts: {studios}. Nobody agrees which of the two was the target."
    end
    if game.flags.beta then
      -- The beta's own exit criterion says what happened to the waitlist.
      mood = mood .. (game.flags.launch_flop
        and " The beta's activation stalled at 41%, and most of the waitlist is still waiting."
        or " The beta passed 60% activation on Friday, and the waitlist opened.")
    elseif game.flags.staged then
      mood = mood .. " Caixa and Openbank customers were let in the same night."
    elseif game.flags.waitlist then
      mood = mood .. " The keynote's waitlist opened the same night, after the fix; a third "
        .. "of it never came back to sign in."
    end
    local letter = ""
    if game.flags.letter_ignored then
      letter = " On 30 September Northlight cancelled, citing the side letter."
    end
    local tickets
    if game.flags.goal_teams then
      tickets = "38% about inviting teammates and roles, 25% about the bank step."
    else
      tickets = "41% about the bank step, 22% about invoices."
    end
    if game.flags.price_raised then
      tickets = tickets .. " Ninety are about the new price."
    elseif game.flags.price_discount then
      tickets = tickets .. " 900 annual sign-ups came through the booth discount; a third "
        .. "never connected a bank."
    elseif game.flags.price_traded then
      tickets = tickets .. " Four studios signed up for case studies at the booth."
    elseif game.flags.price_tested then
      tickets = tickets .. " Half of the new accounts see 42€; the test reads its conversion "
        .. "next week."
    end
    if game.flags.outage_mail then
      tickets = tickets .. " Since the outage email, customers write to support before they "
        .. "write on the forums."
    end
    return mood .. " " .. goal .. letter .. "\n\n"
      .. "Sunniva forwards the week's 610 tickets, sorted: " .. tickets .. " NPS stands at "
      .. "{nps}. Sprint planning is Tuesday."
  end,
  choices = {
    { "Read the tickets and the funnel with Elif and Sunniva; fix the two biggest drop-offs",
      next = "board_review",
      score = { launch = 3, roadmap = 1 },
      effects = { nps = 4 },
      set = { "listened" },
      feedback = "After a launch the real work starts: the data and the tickets say what to "
              .. "iterate. Two fixes, chosen from evidence, beat a new feature chosen from the "
              .. "roadmap." },
    { "Publish the sign-up number: a new record is a headline, and the team earned one",
      next = "board_review",
      score = { launch = -1 },
      effects = { trust = 5 },
      set = { "vanity" },
      feedback = "Sign-ups are a vanity metric here: they say the keynote worked, not that the "
              .. "product did. The goal's number is the one that tells you." },
    { "Start the next big feature on the roadmap: the launch is done, and the team is warm",
      next = "board_review",
      score = { launch = -2, roadmap = -1 },
      effects = { nps = -4 },
      feedback = "A launch is the start of learning, not the end of a project. Moving on now "
              .. "leaves 610 tickets telling you what to fix, unread." },
    { "Switch the new flow off for new sign-ups, keep it for a beta group, and find out why",
      when = function(game) return game.flags.launch_flop end,
      next = "board_review",
      score = { launch = 2, roadmap = 1 },
      effects = { nps = 6 },
      set = { "rolled_back" },
      feedback = "Rolling back what does not work, while still learning from a beta group, "
              .. "stops the damage without throwing away the launch." },
    { "Call ten of the new accounts this week: why did they stay, and why did they leave?",
      role = "pm",
      next = "board_review",
      score = { launch = 3, roadmap = 1, negotiation = 1 },
      effects = { nps = 3 },
      set = { "listened" },
      feedback = "The PM's best: ten conversations explain what the funnel only shows, and "
              .. "they feed the roadmap's next bet. Bring what you hear to the PO's sprint "
              .. "planning beside the tickets, so the team fixes what matters most, not what "
              .. "was said last." },
    { "Measure the launch cohort against the goal's own number before planning anything",
      role = "po",
      next = "board_review",
      score = { vision = 2, launch = 2 },
      effects = { focus = 5 },
      set = { "listened" },
      feedback = "The PO's best: the goal was an outcome, and now it gets measured as one. "
              .. "Planning the next sprint from the goal's number, with the tickets beside it, "
              .. "keeps the team from drifting back to outputs." },
  },
}

-- The week after the launch, in listed order, to tell whether the two
-- picked alike.
local FIRST_WEEK = {
  { "read the tickets and the funnel" },
  { "publish the sign-up number" },
  { "start the next big feature" },
  { "switch the new flow off", when = function(game) return game.flags.launch_flop end },
  { "call ten new accounts", role = "pm" },
  { "measure the cohort against the goal", role = "po" },
}

local BOARD = {
  { "report against the goal, with a Q4 goal" },
  { "lead with sign-ups and logos" },
  { "Q4 as everything we didn't get to" },
  { "the analyst's churn cohorts", needs = "hire_analyst",
    when = function(game) return not game.flags.teams_slipped end },
  { "velocity and a burn-up", role = "po" },
  { "skip the number, pitch the market bet", role = "pm" },
}

scene "board_review" {
  title = "The Board Pre-Read",
  phase = "Review · Week 13",
  by = "both",
  conflict = "review_talk",
  discuss = "What did the board need to hear about how product's two seats disagreed?",
  on_enter = function(game)
    game.flags.market_question = true
    if game.visits.board_review == 1 then count_ruled(game, FIRST_WEEK) end
    -- The price test read out in week 12: 42€ goes live for new accounts.
    if game.visits.board_review == 1 and game.flags.price_up then
      game.stats.arr = game.stats.arr + 90
    end
  end,
  text = function(game)
    local hal
    if game.flags.spend_limits then
      hal = "Bluepeak runs all sixty seats on spending limits."
    elseif game.flags.overcommitted
      and (game.flags.letter_crunch or game.flags.letter_dropped_goal) then
      hal = "Bluepeak pays for sixty seats and is still waiting for approvals."
    elseif game.flags.overcommitted then
      hal = "Bluepeak pays for sixty seats and waits for two late features."
    elseif game.flags.pilot or game.flags.half_yes then
      hal = "Bluepeak's 20-seat pilot is live."
    elseif game.flags.hal_lost or game.flags.said_no then
      hal = "Bluepeak signed with Ledgerline."
    else
      hal = "Bluepeak is still deciding."
    end
    if game.flags.rox_closes then
      hal = hal .. " Roxanne tells the story as her deal."
    end
    local letter = ""
    if game.flags.letter_reneg then
      letter = " Northlight got a Q4 date for sign-on, and stayed."
    elseif game.flags.letter_crunch then
      letter = " Sign-on went out on the 30th, after three weekends of overtime."
    elseif game.flags.letter_half then
      letter = " Half of sign-on went out on the 30th, after weekends of overtime; Northlight "
        .. "can't use it until October."
    elseif game.flags.letter_dropped_goal then
      letter = " Sign-on shipped; the bank step it displaced did not."
    end
    if game.flags.dated_roadmap then
      letter = letter .. " Three dates on the roadmap the board saw in week 3 have slipped."
    end
    if game.flags.price_up then
      letter = letter .. " The price test read out in week 12: 42€ converts at 95% of 36€, so "
        .. "it is now the price for new accounts; churn reads at day 30."
    elseif game.flags.price_tested then
      letter = letter .. " The price test read out in week 12: 42€ lost a fifth of conversions, "
        .. "so 36€ stays."
    end
    local after = ""
    if game.flags.listened then
      after = " The two fixes from the tickets shipped in week 12."
    elseif game.flags.rolled_back then
      after = " The new flow is back with a beta group, and the drop-off is understood."
    elseif game.flags.vanity then
      after = " Your sign-up post got 40,000 views."
    end
    return "Week 13. " .. hal .. letter .. after .. " Ines: \"The pre-read goes out Friday. One document from product: what "
      .. "we set out to do, what happened, what's next.\"\n\n"
      .. "The goal was: " .. goal_words(game) .. ". ARR stands at {arr}k€, NPS at {nps}, "
      .. "stakeholder trust at {trust}. The team's focus: {focus}, morale: {morale}."
  end,
  choices = {
    { "Report against the goal: the number, what worked, what didn't, and a Q4 goal with evidence",
      next = final_ending,
      score = { vision = 2, negotiation = 2 },
      effects = { trust = 10, focus = 5 },
      set = { "honest_review" },
      feedback = "The PO's best: a board trusts the team that reports against its own goal, "
              .. "misses included, and proposing Q4's goal with its evidence turns the review "
              .. "into the next decision. Where an analyst has built the cohorts, the PM's "
              .. "case for leading with them is as strong." },
    { "Lead with the sign-ups, the logos and the summit crowd; leave the goal's number for the appendix",
      next = final_ending,
      score = { vision = -1, negotiation = -2 },
      effects = { trust = -5 },
      set = { "spin" },
      feedback = "Boards find the missing number; one member asks for it on page two. Spin "
              .. "buys a good Friday and costs the credibility of every later number." },
    { "Propose Q4 as everything we didn't get to: sign-on, approvals, receipts, dark mode",
      next = final_ending,
      score = { vision = -2 },
      effects = { focus = -10 },
      feedback = "A leftovers list is not a goal. Q4 starts where Q3 started, and the tug-of-war "
              .. "over what comes first starts again." },
    { "Show the launch cohort's churn curve the analyst built, and what it says about Q4",
      requires = { "hire_analyst" },
      when = function(game) return not game.flags.teams_slipped end,
      locked = "Needs the analyst, and a board that still listens: the Teams date slipped in week 11",
      next = final_ending,
      score = { launch = 3, negotiation = 1 },
      effects = { trust = 15, focus = 5 },
      set = { "honest_review" },
      feedback = "The PM's best: evidence, not adjectives. The cohort shows where the summit "
              .. "accounts leave and why, and the hire paid for itself. It answers \"what "
              .. "happened\" better than \"what we set out to do\": the PO will want the "
              .. "goal's number on page one, and the board does too." },
    { "Show the team's velocity and a burn-up of everything delivered",
      role = "po",
      next = final_ending,
      score = { vision = -1 },
      effects = { trust = -5 },
      feedback = "Velocity says the team was busy, not that customers were better off. Output "
              .. "over outcome, in a chart the board can't act on." },
    { "Skip the quarter's number and pitch Q4's market bet: Ledgerline and the studio segment",
      role = "pm",
      next = final_ending,
      score = { vision = -1, negotiation = -1, launch = 1 },
      feedback = "A strong market story, told to avoid the quarter's result. The board will "
              .. "ask for the number anyway, and the next bet gets judged by the one you hid." },
  },
}

scene "review_talk" {
  title = "Two Drafts of One Story",
  phase = "Review · Week 13",
  -- One decision after the talk: the board update is the PM's.
  by = "pm",
  on_enter = function(game) game.flags.market_question = true end,
  text = function(game)
    return standoff(game, BOARD)
      .. "Two drafts, one Friday. Ines has read neither: \"I'm sending the board *one* "
      .. "document. If product can't agree on what happened, the board will decide it for "
      .. "you.\"\n\n*Talk it through. Then the Product Manager, who gives the board update, "
      .. "enters what you agreed, or decides and says why.*"
  end,
  choices = {
    { "Merge around the goal: one number, one page, both names, and how you settled disagreements",
      next = final_ending,
      score = { negotiation = 2 },
      effects = { trust = 10, focus = 10, morale = 5, settled_open = 1 },
      set = { "joint_review", "honest_review" },
      feedback = "Showing the board how you disagreed and settled it is the strongest signal "
              .. "that the PO-PM split works: one product, two views, one decision." },
    { "Disagree and commit: the PM decides the story and says why; both back Q4",
      next = final_ending,
      score = { negotiation = 1 },
      effects = { trust = 5, focus = 5, settled_owner = 1 },
      set = { "honest_review" },
      feedback = "The board update is the PM's to give; the PO's view is in it, and both back "
              .. "the Q4 goal in the room. Disagree and commit, done properly." },
    { "Send the board both drafts with a cover note, and let the board choose the story",
      next = final_ending,
      score = { vision = -1, negotiation = -2 },
      effects = { trust = -15, focus = -10, settled_up = 1 },
      feedback = "The board sees two product strategies and concludes it has none. Handing the "
              .. "choice upward invites the board to pick your next goal for you." },
    { "Let Ines write it from both drafts: she knows the board, and she asked for one document",
      next = final_ending,
      score = { negotiation = -2 },
      effects = { trust = -5, focus = -5, settled_up = 1 },
      feedback = "Escalation by another name: Ines writes the story she believes, and product "
              .. "will spend Q4 delivering it." },
  },
}
