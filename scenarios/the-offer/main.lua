-- The Offer: a negotiation deep-dive.
--
-- The player, as a Product Owner or a Product Manager, negotiates a job offer
-- from Kestrel, a logistics-software scale-up, with its VP of Product, Nadia
-- Rahman. Nadia has a budget ceiling and a limit to her patience, drawn at
-- the start and never shown; she reacts to anchors, silence, traded and
-- given concessions, bluffs and deadlines, and can withdraw the offer.
--
-- Files: main.lua (the scenario and the negotiation), endings.lua.

scenario {
  id = "the-offer",
  title = "The Offer",
  summary = "Kestrel wants you as its next product lead. Prepare, anchor, ask the right "
         .. "questions, trade concessions and get it in writing, with a hiring manager who "
         .. "has a budget and a walk-away point of her own.",
  authors = { "ScaleUp" },
  version = "1.0.0",
  language = "en",
  minutes = 30,
  start = "two_evenings",

  dimensions = {
    { id = "vision",      name = "Vision",
      about = "Knowing what you want from the role: scope, decision rights, priorities" },
    { id = "roadmap",     name = "Roadmap",
      about = "Your career plan: where this job leads and how you will grow" },
    { id = "launch",      name = "Launch",
      about = "Starting well: what the first 90 days must deliver" },
    { id = "negotiation", name = "Negotiation",
      about = "Preparation, anchoring, questions, trading concessions, getting it in writing" },
  },

  roles = {
    { id = "po", name = "Product Owner",
      brief = [[
Kestrel wants you as Senior Product Owner for its carrier app: the team's
Product Goal, its backlog and what ships. You want the job. You also want to
be paid what the job is worth, and to own the backlog for real rather than
carry a sales VP's list.

Your weights favour *negotiation*, then *vision*: knowing what you want from
the role, above all the decision rights a Product Owner needs.]],
      weights = { vision = 2, roadmap = 1, launch = 1, negotiation = 3 } },
    { id = "pm", name = "Product Manager",
      brief = [[
Kestrel wants you as Senior Product Manager for its carrier app: its market,
pricing, launches and roadmap. You want the job. You also want to be paid what
the job is worth, and to own the market decisions rather than execute
someone else's.

Your weights favour *negotiation*, then *roadmap*: a career plan for where
this role should take you, and the market ownership that gets you there.]],
      weights = { vision = 1, roadmap = 2, launch = 1, negotiation = 3 } },
  },

  stats = {
    { id = "base",     name = "Base salary",   unit = "k$",  start = 138, min = 0 },
    { id = "bonus",    name = "Bonus target",  unit = "%",   start = 10, min = 0 },
    { id = "options",  name = "Stock options", unit = "thousand", start = 20, min = 0 },
    { id = "signing",  name = "Signing bonus", unit = "k$",  start = 0, min = 0 },
    { id = "start",    name = "Start",         unit = "weeks away", start = 2, min = 1 },
    -- Nadia's side, never shown: her ceiling for the base salary, what is
    -- left of her patience, and bookkeeping for the negotiation.
    { id = "budget",   name = "Nadia's ceiling", unit = "k$", start = 0, hidden = true },
    { id = "patience", name = "Nadia's patience", start = 0, hidden = true },
    { id = "ask",      name = "Your ask", unit = "k$", start = 0, hidden = true },
    { id = "trade",    name = "Your base ask in a trade", unit = "k$", start = 0, hidden = true },
    { id = "evenings", name = "Evenings left", start = 2, min = 0, hidden = true },
    { id = "minutes",  name = "Questions left", start = 3, min = 0, hidden = true },
    -- The base in Nadia's first letter: without a new reason she moves at most
    -- $12k from it (more needs a re-levelling she will not ask for).
    { id = "letter",   name = "Nadia's letter", unit = "k$", start = 0, hidden = true },
    { id = "target",   name = "Your cash counter", unit = "k$", start = 0, hidden = true },
  },

  -- The best weighted totals a run can reach, found by an exact search over
  -- every game state (scaleup explore --exhaustive, seed 1; seeds where
  -- Nadia's ceiling is under the $165k floor reach less, since the best
  -- there is the early, calm no). Recompute them after any change to scores.
  best = { po = 92, pm = 90 },

  ratings = {
    { min = 85, label = "Negotiates like a pro" },
    { min = 60, label = "Solid deal-maker" },
    { min = 35, label = "Leaves money on the table" },
    { min = 0,  label = "Needs coaching" },
  },

  flags = {
    "researched", "priorities", "career_plan", "batna",
    "anchored", "gave_salary", "overanchored",
    "asked_equity", "asked_bonus", "asked_scope", "asked_growth", "asked_success",
    "sweetened", "bluffed", "traded", "split", "scope_written", "lead_title", "rushed_notice",
    "verbal", "written", "pushed_last", "review",
    "range_known", "traded_bonus", "floor_stated", "came_clean", "walked_early",
  },
}

-- The Kestrel title for the player's role.
function title_for(game)
  if game.role == "po" then return "Senior Product Owner" end
  return "Senior Product Manager"
end

-- The signing bonus with its article: "a $10k signing bonus", "an $8k signing bonus".
function signing_bonus(game)
  local n = game.stats.signing
  local article = tostring(n):sub(1, 1) == "8" and "an" or "a"
  if n == 11 or n == 18 then article = "an" end
  return article .. " $" .. n .. "k signing bonus"
end

-- Nadia's patience runs out: the offer is withdrawn.
function out_of_patience(game)
  return game.stats.patience <= 0
end

scene "two_evenings" {
  title = "Two Evenings",
  phase = "Preparation",
  on_enter = function(game)
    if game.visits.two_evenings > 1 then return end
    -- Nadia's side of the table, drawn once and never shown.
    -- Her ceiling is sometimes below the $165k walk-away the player can write
    -- down: then no deal within the floor exists, and walking away is right.
    game.stats.budget = game.random(160, 180)
    game.stats.patience = game.random(50, 80)
  end,
  text = function(game)
    if game.stats.evenings == 2 then
      return "Kestrel makes software for freight carriers: 420 people, a Series C last "
        .. "spring. Nadia Rahman, its VP of Product, wants you as its next "
        .. title_for(game) .. ". The recruiter has booked the offer call for Thursday, and "
        .. "sent an outline: a 10% bonus, 20 thousand stock options, a start in two weeks, "
        .. "base salary to be discussed.\n\n"
        .. "You earn $138k today, and you like your team. You have two free evenings before "
        .. "Thursday, and four things you could do with them."
    elseif game.stats.evenings == 1 then
      return "One evening left before Thursday's call."
    end
    return "Thursday. Nadia's call is in ten minutes."
  end,
  choices = {
    { "Research the market: pay for this level, city and company stage, and a number you "
      .. "can defend",
      once = true,
      when = function(game) return game.stats.evenings > 0 end,
      next = "two_evenings",
      score = { negotiation = 3 },
      effects = { evenings = -1 },
      set = { "researched" },
      feedback = "The first thing to prepare: your anchor, your walk-away point and your guess "
              .. "at Nadia's budget all rest on it, and a researched number survives \"where "
              .. "does that come from?\". Senior product roles like this one pay $160k to $180k "
              .. "base here, Owner or Manager alike: level and scope (one team, or a P&L) move "
              .. "the number, not the word in the title." },
    { "Write down what you want, in order, the risk your savings can carry, and your "
      .. "walk-away point",
      once = true,
      when = function(game) return game.stats.evenings > 0 end,
      next = "two_evenings",
      score = { vision = 2, negotiation = 1 },
      effects = { evenings = -1 },
      set = { "priorities" },
      feedback = "Knowing your priorities lets you trade the things you care less about for "
              .. "the things you care about most, and a walk-away decided calmly in advance "
              .. "protects you from deciding it under pressure. Yours: $165k base; below it you keep "
              .. "the job you like. Your savings cover a year, so equity is a risk you could take." },
    { "Sketch where this job should take you in three years, and what it must teach you",
      once = true,
      when = function(game) return game.stats.evenings > 0 end,
      next = "two_evenings",
      score = { roadmap = 2, vision = 1 },
      effects = { evenings = -1 },
      set = { "career_plan" },
      feedback = "A career plan turns \"is this a good offer?\" into \"does this get me where "
              .. "I want to go?\": the title, the scope and the growth path become things to "
              .. "negotiate, not just the number." },
    { "Push your other process, at Parcelly, to a final round, so you may soon have a real "
      .. "alternative",
      once = true,
      when = function(game) return game.stats.evenings > 0 end,
      next = "two_evenings",
      score = { negotiation = 2 },
      effects = { evenings = -1 },
      set = { "batna" },
      feedback = "Your BATNA (best alternative to a negotiated agreement) is your power at the "
              .. "table. A final round is not an offer: today your BATNA is the job you like at "
              .. "$138k; Parcelly could make it stronger, and meanwhile it is a fact you can "
              .. "mention honestly." },
    { "Take the call as you are: you know the job, and Nadia already likes you",
      next = "first_call",
      feedback = function(game)
        local done = 2 - game.stats.evenings
        if done == 2 then
          return "Two evenings of preparation: most people negotiating a job offer spend none."
        elseif done == 1 then
          return "One evening unused. Preparation is the cheapest negotiating power there is."
        end
        return "You go into a negotiation with no preparation at all. The other side has "
          .. "done this a hundred times."
      end },
  },
}

scene "first_call" {
  title = "The Call",
  phase = "The offer",
  text = function(game)
    return "Nadia is warm, fast and direct. \"Honestly, the team loved you. We'd like you as "
      .. title_for(game) .. " on the carrier app. Before I send the letter, so I don't waste "
      .. "your time: what are your salary expectations?\""
  end,
  discuss = "Anchor first, or ask for the range first? What did you know that made your answer right?",
  choices = {
    { "\"$175k base: near the top of the market range for this level, and here's why.\"",
      requires = { "researched" },
      locked = "You haven't researched the market",
      act = function(game) game.stats.base = math.min(game.stats.budget - 4, 170) end,
      next = "offer_letter",
      score = { negotiation = 3 },
      set = { "anchored" },
      feedback = "You anchored first, high but defensible, with a reason. Her letter will start "
              .. "near your number rather than hers. The risk: had your research been off, you "
              .. "would have anchored against yourself, which is why it had to come first." },
    { "\"Kestrel posts pay bands: what's the band for this level, and where do you see me?\"",
      act = function(game)
        game.stats.base = math.min(game.stats.budget - 2, 164)
        game.flags.range_known = true
      end,
      next = "offer_letter",
      score = { negotiation = 3 },
      feedback = function(game)
        if game.flags.researched then
          return "Standard practice where pay-transparency laws apply: the band is hers to "
            .. "give, and you check it against your research before naming a number. She "
            .. "anchors mid-band, lower than your number would have; you counter near the top "
            .. "of a range she has already stated, which is hard for her to call too high."
        end
        return "Without research, asking for the band first is the right move, and where "
          .. "pay-transparency laws apply it is simply expected. Her band now stands in for "
          .. "your research: counter near its top."
      end },
    { "\"I'm on $138k at the moment, so something above that.\"",
      act = function(game) game.stats.base = 148 end,
      next = "offer_letter",
      score = { negotiation = -2 },
      set = { "gave_salary" },
      feedback = "Your current salary is the price of your old job, not this one. Telling her "
              .. "anchors the whole negotiation to it, and in many places employers may not "
              .. "even ask for your salary history." },
    { "\"$220k. I know what I'm worth, I'd rather start high, and I'm sure you have room.\"",
      act = function(game)
        game.stats.base = 158
        game.stats.patience = game.stats.patience - 25
      end,
      next = "offer_letter",
      score = { negotiation = -2 },
      set = { "overanchored" },
      feedback = function(game)
        if game.flags.researched then
          return "You did the research and then ignored it: $220k is $40k above the range "
            .. "you found. Nadia knows the market too; she hears a bluff, ignores it, and notes "
            .. "that you might be hard work."
        end
        return "An anchor only works if it is credible. $40k above the market tells Nadia "
          .. "you haven't looked; she ignores it, and notes that you might be hard work."
      end },
    { "\"Honestly, the role matters more to me than the money.\"",
      act = function(game) game.stats.base = 152 end,
      next = "offer_letter",
      score = { negotiation = -1 },
      feedback = "It may be true, and it's a gift to the other side: you've told her the "
              .. "money is negotiable downward before she has made an offer." },
  },
}

scene "offer_letter" {
  title = "The Letter",
  phase = "The offer",
  on_enter = function(game) game.stats.letter = game.stats.base end,
  discuss = "Nadia wrote \"Let me know!\" What does answering within the hour tell her?",
  text = function(game)
    local note = ""
    if game.flags.range_known then
      note = " On the call she gave the band for the level, $145k to $185k, and put you "
        .. "\"in the middle, to start\"."
    elseif game.flags.anchored then
      note = " Your $175k has pulled her a long way up."
    elseif game.flags.gave_salary then
      note = " Exactly ten thousand above the salary you told her."
    elseif game.flags.overanchored then
      note = " Your $220k isn't mentioned anywhere."
    end
    return "The written offer arrives an hour later: " .. title_for(game) .. ", $"
      .. game.stats.base .. "k base, a 10% bonus target, 20 thousand stock options, starting "
      .. "in two weeks." .. note .. "\n\n"
      .. "Nadia, by message: \"We're so excited. Let me know!\""
  end,
  choices = {
    { "Thank her warmly, and book a call for Monday with your questions",
      act = function(game)
        -- Silence works on people: sometimes she fills it herself.
        if game.random(1, 100) <= 40 and game.stats.base + 3 <= game.stats.budget then
          game.stats.base = game.stats.base + 3
          game.flags.sweetened = true
        end
      end,
      next = "monday_call",
      score = { negotiation = 1 },
      feedback = "Slower than a counter, and worth more: the questions on Monday are what you "
              .. "will trade with, and a weekend of quiet tells her you take the offer "
              .. "seriously. Sometimes the other side even improves it unprompted, to fill the "
              .. "silence." },
    { "Counter straight away by email, while she is excited about you",
      next = "counter",
      score = { negotiation = 2 },
      feedback = "Fast, and not wrong: momentum is real, and if the base were all you cared "
              .. "about this would do. But you counter without knowing what the options, the "
              .. "bonus or the scope are worth, so there is nothing to trade. Questions first, "
              .. "numbers second." },
    { "Accept on the spot: it's $" .. "10k or more above what you earn now, and you want the job",
      next = "first_offer",
      score = { negotiation = -3 },
      feedback = "Accepting the first offer, on the day it arrives, says it was too high. "
              .. "Nadia expected a counter and had room for one; you compared the offer to "
              .. "your old salary instead of the market." },
  },
}

-- ------------------------------------------------------------- Monday

local function answers(game)
  local lines = {}
  if game.flags.asked_equity then
    lines[#lines + 1] = "Options: 20 thousand out of 64 million shares (0.03%), four-year vesting "
      .. "with a one-year cliff. Strike $4.20, the common stock's fair value; the Series C "
      .. "investors paid $6.10 for preferred shares, which get their $90M back first in a sale. "
      .. "Expect 15-20% dilution at each new round. 90 days to exercise after leaving, as for "
      .. "everyone in the plan. On an acquisition the buyer takes over unvested options; no "
      .. "acceleration unless agreed."
  end
  if game.flags.asked_bonus then
    lines[#lines + 1] = "Bonus: on company revenue targets; it paid 100%, 40% and 70% of "
      .. "target in the last three years, so about 7% of base a year, in cash."
  end
  if game.flags.asked_scope then
    if game.role == "po" then
      lines[#lines + 1] = "Scope: the carrier app, one team of seven. Today the sales VP "
        .. "sends the team a priority list every Monday. Nadia would like that to stop."
    else
      lines[#lines + 1] = "Scope: the carrier app's market. Pricing sits with finance today, "
        .. "and the launch calendar with marketing. Nadia is open to changing both."
    end
  end
  if game.flags.asked_growth then
    lines[#lines + 1] = "Growth: a written career ladder; the next level up is Lead, usually "
      .. "after 18 to 24 months, decided at twice-yearly reviews."
  end
  if game.flags.asked_success then
    lines[#lines + 1] = "Success: in 90 days, carrier onboarding time down from nine days "
      .. "to five, and a roadmap the sales team stops arguing with."
  end
  return table.concat(lines, "\n\n")
end

scene "monday_call" {
  title = "Monday, 30 Minutes",
  phase = "Questions",
  discuss = "Three questions, six candidates. Which would you drop, and what would it cost you later?",
  text = function(game)
    local head
    if game.stats.minutes == 3 then
      head = "Monday. Nadia has half an hour, which is time for about three good questions. "
        .. "\"Ask me anything.\""
      if game.flags.sweetened then
        head = "Monday. Before you can ask anything, Nadia says she went back to finance over "
          .. "the weekend: the base is now $" .. game.stats.base .. "k. She has half an hour, "
          .. "time for about three good questions. \"Ask me anything.\""
      end
    elseif game.stats.minutes > 0 then
      head = "Nadia checks the time. \"Go on.\""
    else
      head = "\"I have to jump into another call. Send me your thoughts?\""
    end
    local known = answers(game)
    if known ~= "" then head = head .. "\n\n" .. known end
    return head
  end,
  choices = {
    { "The options: share count, strike, vesting, exercise window, and what a sale does to "
      .. "them",
      once = true,
      when = function(game) return game.stats.minutes > 0 end,
      next = "monday_call",
      score = { negotiation = 2 },
      effects = { minutes = -1 },
      set = { "asked_equity" },
      feedback = "Value options at the common price, not the investors' preferred one, and "
              .. "after dilution: 20 thousand at a $4.20 strike are worth little today and "
              .. "perhaps $25-40k in a good sale. Now you can weigh them against cash, and "
              .. "negotiate the terms that are negotiable (the grant, acceleration)." },
    { "The bonus: how it's measured, and how much it actually paid in past years",
      once = true,
      when = function(game) return game.stats.minutes > 0 end,
      next = "monday_call",
      score = { negotiation = 2 },
      effects = { minutes = -1 },
      set = { "asked_bonus" },
      feedback = "A 10% target is worth its payout history: here about 70% of target on "
              .. "average. Useful when you weigh bonus against base: a dollar of base is "
              .. "worth more than a dollar of target." },
    { "The scope: which product, which team, and who decides the order of the backlog: "
      .. "you, or the sales VP?",
      role = "po",
      once = true,
      when = function(game) return game.stats.minutes > 0 end,
      next = "monday_call",
      score = { vision = 2 },
      effects = { minutes = -1 },
      set = { "asked_scope" },
      feedback = "A Product Owner without authority over the backlog is a proxy, however "
              .. "senior the title. Asking now shows you know what the role needs, and tells "
              .. "you what to get in writing." },
    { "The scope: which market, whose P&L, and who owns pricing and the launch calendar?",
      role = "pm",
      once = true,
      when = function(game) return game.stats.minutes > 0 end,
      next = "monday_call",
      score = { vision = 1, roadmap = 2 },
      effects = { minutes = -1 },
      set = { "asked_scope" },
      feedback = "A Product Manager who owns neither pricing nor the launch calendar owns a "
              .. "roadmap and an opinion. Knowing where those decisions sit tells you what to "
              .. "ask for, and where the job leads." },
    { "Growth: what does the path from this role look like, and how are people promoted?",
      once = true,
      when = function(game) return game.stats.minutes > 0 end,
      next = "monday_call",
      score = { roadmap = 2 },
      effects = { minutes = -1 },
      set = { "asked_growth" },
      feedback = "A written ladder and a review cadence turn \"you'll grow here\" into "
              .. "something you can plan against and hold them to." },
    { "Success: what should the first 90 days deliver, and how will it be measured?",
      once = true,
      when = function(game) return game.stats.minutes > 0 end,
      next = "monday_call",
      score = { launch = 2, vision = 1 },
      effects = { minutes = -1 },
      set = { "asked_success" },
      feedback = "Agreeing the first outcome before you start means your first quarter is "
              .. "judged on a number you both chose, not on impressions." },
    { "Thank her, and say you'll send a counter proposal tomorrow",
      next = "counter",
      feedback = function(game)
        if game.stats.minutes > 0 then
          return "You left time on the table: every question she answers is information "
            .. "you can trade with."
        end
        return "Three good questions, answered. You counter knowing what the package is "
          .. "really worth to you."
      end },
  },
}

-- ------------------------------------------------------------- counter

scene "counter" {
  title = "The Counter",
  phase = "The counter",
  discuss = "Cash, bonus or options: which would you take, given your savings and what you "
         .. "believe about Kestrel? Would your answer change with a family to support?",
  on_enter = function(game)
    -- In a trade you ask a little less base than a pure-cash counter would,
    -- but never less than the letter already offers.
    game.stats.trade = math.min(174, math.max(168, game.stats.base + 2))
    -- The cash counter: near the top of the band she gave, or of your research.
    game.stats.target = game.flags.range_known and 178 or 175
  end,
  text = function(game)
    local walk = ""
    if game.flags.priorities then
      walk = " Your walk-away, written down last week: $165k."
    end
    return "Your counter proposal, in an email to Nadia. The letter says $" .. game.stats.base
      .. "k base, 10% bonus, 20 thousand options, start in two weeks." .. walk
  end,
  choices = {
    { "Cash: ${target}k base, near the top of the range, the rest as offered, with two lines "
      .. "of reasons",
      when = function(game) return game.flags.researched or game.flags.range_known end,
      locked = "You know neither the market nor her band",
      act = function(game) game.stats.ask = game.stats.target end,
      next = "pushback",
      score = { negotiation = 3 },
      feedback = "A clear counter on the number that matters most to you, anchored on data "
              .. "she can take to her CFO. The cost: only the base is on the table, so there is "
              .. "little for her to trade with. Right when cash now is what you need." },
    { "Equity: ${trade}k base and 35 thousand options with double-trigger acceleration, the "
      .. "bonus as offered",
      requires = { "asked_equity" },
      locked = "You don't know what the options are worth yet",
      act = function(game)
        game.stats.ask = game.stats.trade
        game.flags.traded = true
      end,
      next = "pushback",
      score = { negotiation = 3 },
      feedback = "Options cost Kestrel no cash today, so they are easier to give. Worth it if "
              .. "your savings can carry the risk and you believe in a sale or listing: valued "
              .. "at common, after a round or two of dilution, behind $90M of preferences. "
              .. "Acceleration if you lose the job in an acquisition is negotiable; a ten-year "
              .. "exercise window is a plan term, rarely granted to one hire, so you did not ask." },
    { "Incentive pay: ${trade}k base and a 15% bonus target instead of more options, the "
      .. "grant as offered",
      requires = { "asked_bonus" },
      locked = "You don't know what the bonus pays out yet",
      act = function(game)
        game.stats.ask = game.stats.trade
        game.flags.traded_bonus = true
      end,
      next = "pushback",
      score = { negotiation = 3 },
      feedback = "Cash within a year instead of paper in five: a bonus that paid about 70% of "
              .. "target is worth roughly 10% of base, every year, whatever happens to the "
              .. "valuation. Right if you want less risk; the options' upside is what you gave." },
    { "Honest leverage: say you're in Parcelly's final round, and ask if Kestrel can reach "
      .. "$178k",
      requires = { "batna" },
      locked = "You have no other process to mention",
      act = function(game) game.stats.ask = 178 end,
      next = "pushback",
      score = { negotiation = 3 },
      feedback = "A fact you can back, stated without a threat or an invented number, gives "
              .. "Nadia a reason to move and a way to look good doing it: she closes you "
              .. "before Parcelly does." },
    { "Tell her you have another offer at $185k, which you don't, and see if she matches it",
      act = function(game)
        game.stats.ask = 185
        game.stats.patience = game.stats.patience - 15
      end,
      next = "called",
      score = { negotiation = -3 },
      set = { "bluffed" },
      feedback = "A bluff is a bet that she won't ask to see the offer. Hiring managers at "
              .. "Kestrel's size often do, and then you must fold or lie again; either way she "
              .. "knows." },
    { "Ask for more of everything at once: $185k, 40 thousand options, a 15% bonus target and "
      .. "the Lead title",
      act = function(game)
        game.stats.ask = 185
        game.stats.patience = game.stats.patience - 20
      end,
      next = "pushback",
      score = { negotiation = -2 },
      feedback = "A wish list with no priorities gives Nadia nothing to trade and everything "
              .. "to refuse. She will pick what she can live with, not what you care about "
              .. "most." },
    { "Ask for $5k more on the base, politely, and leave everything else as it is",
      act = function(game) game.stats.ask = game.stats.base + 5 end,
      next = "pushback",
      score = { negotiation = -1 },
      feedback = "A small, unexplained ask is negotiating against yourself: you have told her "
              .. "your ceiling is barely above her offer." },
  },
}

-- What Nadia can move to without a new reason: her ceiling, and no more than
-- $12k above her own letter.
local function nadia_can(game)
  return math.min(game.stats.budget, game.stats.letter + 12)
end

scene "called" {
  title = "Send It Over",
  phase = "The counter",
  discuss = "When is mentioning another process honest leverage, and when is it a bluff?",
  text = function(game)
    return "Nadia calls the next morning, friendly and unhurried. \"Thanks for telling me "
      .. "about the other offer. Could you forward it? Our CFO won't move without seeing it "
      .. "in writing. Until then, the letter's $" .. game.stats.base .. "k stands.\""
  end,
  choices = {
    { "Come clean: there's no written offer; ask her to weigh the market data instead",
      act = function(game)
        game.stats.base = math.max(game.stats.base, math.min(game.stats.letter + 4,
          game.stats.budget))
        game.stats.patience = game.stats.patience - 10
      end,
      next = function(game)
        if out_of_patience(game) then return "withdrawn" end
        return "scope_title"
      end,
      score = { negotiation = 1 },
      set = { "came_clean" },
      feedback = "The least bad way out of a called bluff: honesty now keeps the relationship, "
              .. "and she moves a little on the market data. Your credibility for the rest of "
              .. "this negotiation is what the bluff cost." },
    { "Say it was a verbal offer, that it's confidential, and hold your number",
      act = function(game) game.stats.patience = game.stats.patience - 35 end,
      next = function(game)
        if out_of_patience(game) then return "withdrawn" end
        return "scope_title"
      end,
      score = { negotiation = -2 },
      feedback = "A second lie to protect the first. She doesn't believe it, doesn't move, and "
              .. "now wonders what else you have made up." },
    { "Admit there's no written offer, and ask for a pay review at six months instead",
      act = function(game)
        game.stats.patience = game.stats.patience - 10
        game.flags.review = true
      end,
      next = function(game)
        if out_of_patience(game) then return "withdrawn" end
        return "scope_title"
      end,
      score = { negotiation = 1 },
      set = { "came_clean" },
      feedback = "Honest, and it moves the ask to something she can grant without her CFO: a "
              .. "review date in writing. Right when your market data is thin; when your "
              .. "research is solid, coming clean and letting the data argue gets more now." },
    { "Drop it, and say the letter's base works for you after all",
      next = "scope_title",
      score = { negotiation = -1 },
      feedback = "Folding keeps the offer and confirms the bluff. Nothing was gained, and your "
              .. "next \"I have another option\" will not be believed." },
  },
}

scene "pushback" {
  title = "Nadia Pushes Back",
  phase = "The counter",
  discuss = "Her number is on the table and she is silent. What do you say first, and why?",
  on_enter = function(game)
    if game.visits.pushback > 1 then return end
    -- Nadia never simply says yes to a counter: she comes back a little
    -- below the ask, or below what she can do, whichever is lower.
    local offer = math.min(game.stats.ask, nadia_can(game)) - 3
    if offer > game.stats.base then game.stats.base = offer end
    if game.flags.traded then
      game.stats.options = 30
    elseif game.flags.traded_bonus then
      game.stats.bonus = 13
    elseif game.stats.ask == 185 then
      -- The wish list: she picks what costs her least today.
      game.stats.bonus = 12
    end
  end,
  text = function(game)
    local extra = ""
    if game.flags.traded then
      extra = " I can do 30 thousand options with double-trigger acceleration; not 35."
    elseif game.flags.traded_bonus then
      extra = " I can move the bonus target to 13%; 15 is above the band."
    elseif game.stats.bonus > 10 then
      extra = " I can move the bonus target to 12%. Not the options, not the title."
    end
    return "Nadia calls. \"I took it to our CFO. The best I can do on base is $" .. game.stats.base
      .. "k." .. extra .. " I really want this to work.\"\n\n"
      .. "She stops talking and waits."
  end,
  choices = {
    { "Say nothing for a moment. Let the number sit.",
      act = function(game)
        if game.stats.base < game.stats.budget then
          game.stats.base = game.stats.base + 2
        else
          game.stats.signing = game.stats.signing + 5
        end
      end,
      next = function(game)
        if out_of_patience(game) then return "withdrawn" end
        return "scope_title"
      end,
      score = { negotiation = 2 },
      feedback = "Silence is uncomfortable, and the discomfort is mostly on the side that "
              .. "wants the deal closed. Nadia fills it with a little more, as people usually "
              .. "do." },
    { "Trade: accept her base for a $10k signing bonus and a pay review at six months, in "
      .. "writing",
      when = function(game) return not (game.flags.priorities and game.stats.base < 165) end,
      effects = { signing = 10 },
      set = { "review" },
      next = function(game)
        if out_of_patience(game) then return "withdrawn" end
        return "scope_title"
      end,
      score = { negotiation = 3 },
      feedback = "You conceded the base, but you traded it for two things that cost her "
              .. "less: a one-off signing bonus and a review date. Concessions traded, not "
              .. "given, keep the deal balanced and your respect intact." },
    { "State your floor, calmly: below $165k base you'd stay where you are; can she get there?",
      requires = { "priorities" },
      when = function(game) return game.stats.base < 165 end,
      act = function(game)
        game.flags.floor_stated = true
        if game.stats.budget >= 165 then game.stats.base = 165 end
      end,
      next = function(game)
        if game.stats.budget < 165 then return "right_no" end
        return "scope_title"
      end,
      score = { negotiation = 3 },
      feedback = function(game)
        if game.stats.budget < 165 then
          return "A floor said early and calmly is information, not a threat. Her ceiling is "
            .. "below it, so no deal within your walk-away exists, and you both learn it "
            .. "today instead of after a yes."
        end
        return "A floor said early and calmly is information, not a threat: she had room, and "
          .. "she meets it. Said as an ultimatum after a yes, the same number would have cost "
          .. "the relationship."
      end },
    { "Propose splitting the difference between your ask and her number: fair to both, and "
      .. "quick",
      act = function(game)
        local middle = (game.stats.ask + game.stats.base) // 2
        game.stats.base = math.max(game.stats.base, math.min(middle, nadia_can(game)))
        game.stats.patience = game.stats.patience - 10
      end,
      next = function(game)
        if out_of_patience(game) then return "withdrawn" end
        return "scope_title"
      end,
      score = { negotiation = -1 },
      set = { "split" },
      feedback = "Splitting the difference feels fair and rewards whoever anchored more "
              .. "boldly. It also skips the question of what else could have been traded." },
    { "\"If you can't meet my number, I'm afraid I'll have to walk away from this one.\"",
      act = function(game)
        game.stats.patience = game.stats.patience - (game.flags.batna and 20 or 40)
      end,
      next = function(game)
        if out_of_patience(game) then return "withdrawn" end
        return "scope_title"
      end,
      score = { negotiation = -2 },
      feedback = function(game)
        if game.flags.batna then
          return "You have a final round elsewhere and a job you like, but an ultimatum turns "
            .. "a negotiation about interests into a contest of positions. She holds her "
            .. "number; now you both know you didn't mean it."
        end
        return "An ultimatum with no alternative behind it is a bluff: if she says \"I "
          .. "understand\", you walk away from a job you want, or you stay and everyone knows."
      end },
    { "Accept her number: it's close enough to what you asked, and you want to start well",
      next = "scope_title",
      score = { negotiation = 0 },
      feedback = function(game)
        if game.flags.priorities and game.stats.base < 165 then
          return "Close to your ask, but below the walk-away you wrote down, and you said "
            .. "nothing. A floor you don't say is a floor you don't have."
        end
        return "A reasonable place to land, but you conceded without getting anything back. "
          .. "There was still a signing bonus or a review date on the table."
      end },
  },
}

scene "scope_title" {
  title = "Title and Scope",
  phase = "The role",
  discuss = "Title, scope or decision rights: which one changes what your days will be like?",
  text = function(game)
    local role_line
    if game.role == "po" then
      role_line = "For a Product Owner the question under the title is authority: who orders "
        .. "the backlog."
    else
      role_line = "For a Product Manager the question under the title is ownership: who "
        .. "decides pricing and launches."
    end
    return "With the money nearly settled, Nadia moves on. \"The title's " .. title_for(game)
      .. ", the scope is the carrier app. Anything you want to change there?\"\n\n"
      .. role_line
  end,
  choices = {
    { "Write the backlog's decision rights into the role: you order it; sales requests come "
      .. "through you",
      role = "po",
      requires = { "asked_scope" },
      locked = "You didn't ask Nadia how the scope works today",
      next = "start_date",
      score = { vision = 2, negotiation = 1 },
      set = { "scope_written" },
      feedback = "This is the clause that decides whether you will be a Product Owner or a "
              .. "backlog administrator. Nadia wanted the change anyway; you gave her the "
              .. "reason to make it." },
    { "Write a seat in pricing and the launch calendar for the carrier app into the role",
      role = "pm",
      requires = { "asked_scope" },
      locked = "You didn't ask Nadia how the scope works today",
      next = "start_date",
      score = { vision = 1, roadmap = 1, negotiation = 1 },
      set = { "scope_written" },
      feedback = "Owning the launch calendar and a seat in pricing is what makes the market "
              .. "half of the job real, and it is the experience that leads to group PM." },
    { "Ask for the Lead title now, with the criteria for the next level and a review date in "
      .. "writing",
      next = "start_date",
      score = { roadmap = 2 },
      set = { "lead_title" },
      feedback = function(game)
        if game.flags.career_plan then
          return "Your three-year sketch pays off: you asked for the thing that moves you "
            .. "along it, and made the criteria explicit instead of hoping. Nadia agrees to "
            .. "the criteria and the review; the title waits for it."
        end
        return "Titles vary by company; the criteria and the review date are what count. "
          .. "Nadia agrees to those, and the title waits for the review."
      end },
    { "Ask to run two products instead of one: a bigger role, more visible, and a faster "
      .. "route to Lead",
      next = "start_date",
      score = { vision = -1, negotiation = -1 },
      feedback = "More scope is not more value: two products at half attention is how a "
              .. "product person becomes a ticket router. Ask for the scope you can own." },
    { "Whatever scope they have in mind: it's a great company, and scope grows with trust",
      next = "start_date",
      score = { vision = -2 },
      feedback = "Scope and decision rights are the part of the offer that decides what your "
              .. "days will be like. Leaving them vague is how good people end up in "
              .. "proxy roles." },
  },
}

scene "start_date" {
  title = "Two Weeks?",
  discuss = "What does the way you leave your current job tell your next manager?",
  phase = "The role",
  text = [[
"Last thing: can you start in two weeks? The carrier team is without a product
lead and the Q3 plan is due."

Your notice period is four weeks, and you promised your current team a clean
handover of their own Q3 plan.]],
  choices = {
    { "\"Five weeks: four of notice and one to rest. I'll join your Q3 planning day as a "
      .. "guest before that.\"",
      act = function(game) game.stats.start = 5 end,
      next = "deadline",
      score = { negotiation = 2, vision = 1 },
      feedback = "You kept your word to your current team, which is exactly what Kestrel will "
              .. "want from you one day, and offered something that solves her real problem, "
              .. "the Q3 plan, without breaking your notice." },
    { "\"Four weeks: I'll start straight after my notice, with no break, if a signing bonus "
      .. "makes that worth it.\"",
      when = function(game) return game.stats.signing == 0 end,
      act = function(game) game.stats.start = 4 end,
      effects = { signing = 8 },
      next = "deadline",
      score = { negotiation = 2 },
      feedback = "A start date is a concession like any other: you traded your week of rest "
              .. "for a signing bonus. Fair, if the rest is worth less to you than the money." },
    { "\"Two weeks it is: I'll cut my notice short. Your Q3 plan matters more than my "
      .. "handover.\"",
      act = function(game) game.stats.start = 2 end,
      next = "deadline",
      score = { negotiation = -1, vision = -1 },
      set = { "rushed_notice" },
      feedback = "You gave away your notice, your rest and your reputation with your old "
              .. "team, and asked for nothing. Nadia would have waited; good hires are worth "
              .. "four weeks." },
  },
}

scene "deadline" {
  title = "By Five O'Clock",
  phase = "Closing",
  discuss = "An exploding offer: whose problem is the deadline, and how do you say so kindly?",
  timer = 60,
  timeout = 2,
  text = function(game)
    return "Nadia's message, at 2 pm: \"Our CEO wants this closed. The offer as we discussed "
      .. "stands until 5 pm today.\" The revised letter is not attached.\n\n"
      .. "On the table: $" .. game.stats.base .. "k base, a " .. game.stats.bonus .. "% "
      .. "bonus, " .. game.stats.options .. " thousand options"
      .. (game.stats.signing > 0 and (", " .. signing_bonus(game)) or "")
      .. (game.flags.review and ", a pay review at six months" or "")
      .. ", a start in " .. game.stats.start .. " weeks."
  end,
  choices = {
    { "\"I'm excited to say yes. Send the revised letter and I'll sign once every term is in "
      .. "it.\"",
      next = "final",
      score = { negotiation = 2 },
      set = { "written" },
      feedback = "An exploding offer is a pressure tactic; the answer is calm, not speed. "
              .. "Saying yes to the deal and no to signing blind keeps the goodwill and "
              .. "protects every term you negotiated." },
    { "Call Nadia and accept now, before the deadline passes; the revised letter can follow "
      .. "next week",
      next = "final",
      score = { negotiation = -1 },
      set = { "verbal" },
      feedback = "The deadline worked on you. A verbal yes to a deal that exists only in two "
              .. "people's memories is how signing bonuses and review dates quietly "
              .. "disappear." },
    { "Ask for 48 hours: a good offer survives a weekend, and you want to sleep on it",
      act = function(game) game.stats.patience = game.stats.patience - 15 end,
      next = function(game)
        if out_of_patience(game) then return "withdrawn" end
        return "final"
      end,
      score = { negotiation = 1 },
      feedback = "Refusing an artificial deadline is fair, and asking for time was right on "
              .. "Thursday. Today, with everything agreed, it mostly costs goodwill; what you "
              .. "needed was the letter, not the weekend." },
    { "Decline calmly: thank her, say it is below the floor you set, and leave the door open",
      requires = { "priorities" },
      when = function(game) return game.stats.base < 165 end,
      next = function(game)
        if game.stats.budget < 165 then return "right_no" end
        return "other_door"
      end,
      score = { negotiation = 1 },
      feedback = function(game)
        if game.stats.budget < 165 then
          return "Right to walk: her ceiling was below your floor, so no deal within it "
            .. "existed. Better said at the pushback, when it was information rather than a "
            .. "last-minute no."
        end
        return "Your floor is real, and you kept to it. But she had room above it: stated "
          .. "calmly at the pushback, the same floor would have been met. Said at the "
          .. "deadline, it ends the talk instead."
      end },
  },
}

scene "final" {
  title = "The Letter, Again",
  phase = "Closing",
  text = function(game)
    local missing = ""
    if game.flags.verbal then
      local gone = {}
      if game.stats.signing > 0 then
        gone[#gone + 1] = "the $" .. game.stats.signing .. "k signing bonus"
      end
      if game.flags.review then gone[#gone + 1] = "the pay review at six months" end
      if game.flags.lead_title then
        gone[#gone + 1] = "the criteria for the Lead level and their review date"
      end
      if #gone > 0 then
        missing = "\n\nMissing from it: " .. table.concat(gone, ", ") .. "."
      end
    end
    local extras = ""
    if not game.flags.verbal then
      if game.stats.signing > 0 then
        extras = ", " .. signing_bonus(game)
      end
      if game.flags.review then extras = extras .. ", a pay review at six months" end
      if game.flags.lead_title then
        extras = extras .. ", the criteria for the Lead level and their review date"
      end
    end
    return "The revised letter arrives: " .. title_for(game) .. ", $" .. game.stats.base
      .. "k base, " .. game.stats.bonus .. "% bonus, " .. game.stats.options
      .. " thousand options" .. extras .. ", start in " .. game.stats.start .. " weeks."
      .. missing
  end,
  choices = {
    { "Read every term against your notes, get any gap fixed, then sign",
      when = function(game) return not below_floor(game) end,
      act = function(game)
        game.flags.written = true
        game.flags.verbal = false
      end,
      next = function(game)
        if well_signed(game) then return "strong_start" end
        return "fair_deal"
      end,
      score = { negotiation = 3 },
      feedback = "A deal is what is written down. Checking the letter against your notes is "
              .. "dull, and it is where the last few thousand dollars and the clauses that "
              .. "matter most are kept or lost." },
    { "Check every term, then sign, though the base is under the walk-away you wrote down",
      when = function(game) return below_floor(game) end,
      act = function(game)
        game.flags.written = true
        game.flags.verbal = false
      end,
      next = "fair_deal",
      score = { negotiation = -1 },
      feedback = "The letter is right, and the deal is one you decided, calmly and in advance, "
              .. "not to take. Moving your floor at the signature is how a walk-away point "
              .. "stops meaning anything; if it was wrong, change it before the talks, not during." },
    { "Check the base, bonus and options, sign, and email her a recap of the rest",
      when = function(game) return not below_floor(game) end,
      act = function(game) game.flags.written = true end,
      next = function(game)
        if well_signed(game) then return "strong_start" end
        return "fair_deal"
      end,
      score = { negotiation = 1 },
      feedback = "Good enough when the letter is long and the trust is real: the numbers that "
              .. "matter most are checked, and the recap puts the rest in writing. A full read "
              .. "against your notes is still the standard; it is where clauses go missing." },
    { "Sign it as it is: you trust Nadia, and it looks like what you discussed",
      next = function(game)
        if well_signed(game) then return "strong_start" end
        return "fair_deal"
      end,
      score = { negotiation = -1 },
      feedback = "Nadia may well be trustworthy. But she may not be your manager in a year, "
              .. "and whatever isn't in the letter depends on who remembers it." },
    { "Push once more before signing: ask for another $5k on the base, since she moved so "
      .. "easily",
      act = function(game)
        game.flags.pushed_last = true
        game.stats.patience = game.stats.patience - 30
      end,
      next = function(game)
        if out_of_patience(game) then return "withdrawn" end
        if well_signed(game) then return "strong_start" end
        return "fair_deal"
      end,
      score = { negotiation = -1 },
      feedback = "Reopening a settled deal at the signature tells the other side that no "
              .. "agreement with you is final. Even if it works, you start the job with a "
              .. "manager who feels played." },
    { "Walk away now: it is below the walk-away point you wrote down last week",
      requires = { "priorities" },
      when = function(game) return game.stats.base < 165 end,
      next = "other_door",
      score = { negotiation = -2 },
      feedback = "Your floor was right, and the moment was wrong: after \"I'm excited to say "
              .. "yes\", a no reads as a broken word, and Nadia will remember it if your paths "
              .. "cross again. A floor belongs at the pushback, said calmly, before any yes." },
  },
}

include "endings.lua"
