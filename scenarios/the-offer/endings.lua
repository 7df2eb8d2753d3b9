-- The endings of The Offer, and the function that picks one when the player
-- signs.

-- The package, as a sentence: what the signed letter says. After a verbal
-- yes, a letter signed without checking leaves out the signing bonus, the
-- pay review and the Lead criteria.
local function package(game)
  local s = game.stats
  local verbal = game.flags.verbal
  local parts = "$" .. s.base .. "k base, a " .. s.bonus .. "% bonus target, " .. s.options
    .. " thousand options"
  if s.signing > 0 and not verbal then
    parts = parts .. ", " .. signing_bonus(game)
  end
  if game.flags.review and not verbal then
    parts = parts .. ", a pay review at six months"
  end
  parts = parts .. ", starting in " .. s.start .. " weeks"
  if game.flags.lead_title and not verbal then
    parts = parts .. ", with the criteria for the Lead level and a review date in writing"
  end
  return parts
end

-- What the start date did to the team you are leaving.
local function handover(game)
  if game.flags.rushed_notice then
    return " Your old team finishes its Q3 plan without you, and remembers it."
  end
  return ""
end

-- Signed well: everything in writing, the base at or above the walk-away
-- point a prepared player writes down ($165k, inside the market range of
-- $160k to $180k), and the role's decision rights written into it.
function well_signed(game)
  return game.flags.written and game.stats.base >= 165 and game.flags.scope_written
end

-- The offer is under the walk-away point the player wrote down.
function below_floor(game)
  return game.flags.priorities and game.stats.base < 165
end

-- Where a base sits in the market range the research found ($160k-$180k).
local function market_words(game)
  local b = game.stats.base
  if b < 160 then return "the base is below the market range for this role, $160k to $180k" end
  if b < 170 then return "the base is in the lower half of the market range" end
  return nil
end

ending "strong_start" {
  title = "A Strong Start",
  verdict = "success",
  text = function(game)
    local scope = game.role == "po"
      and "The role description says, in one plain sentence, that you order the backlog."
      or "The role description gives you the launch calendar and a seat in pricing."
    return "You sign: " .. package(game) .. ". Every term is in the letter." .. handover(game)
      .. "\n\n"
      .. scope .. " Nadia sends a note to the carrier team: \"Our new product lead drives a "
      .. "hard bargain. Good: that's what we need with the sales floor.\"\n\n"
      .. "You start the job paid at the market, with the authority the role needs, and with "
      .. "a manager who respects how you got there."
  end,
}

ending "fair_deal" {
  title = "A Fair Deal, Mostly",
  verdict = "mixed",
  text = function(game)
    local gaps = {}
    if below_floor(game) then
      gaps[#gaps + 1] = "the base is under the walk-away point you wrote down yourself"
    elseif market_words(game) then
      gaps[#gaps + 1] = market_words(game)
    end
    if not game.flags.scope_written then
      gaps[#gaps + 1] = "nothing in writing says what you decide"
    end
    if not game.flags.written then
      gaps[#gaps + 1] = "some of what you agreed lives only in two people's memories"
    end
    if game.flags.came_clean then
      gaps[#gaps + 1] = "Nadia liked that you came clean about the offer that wasn't, and "
        .. "checks your numbers now"
    elseif game.flags.bluffed then
      gaps[#gaps + 1] = "Nadia never saw the other offer, and she hasn't forgotten asking"
    end
    if game.flags.split then
      if game.stats.signing == 0 then
        gaps[#gaps + 1] = "splitting the difference left the signing bonus and the pay review "
          .. "unasked for"
      else
        gaps[#gaps + 1] = "splitting the difference left the pay review unasked for"
      end
    end
    local gap = #gaps > 0 and (" But " .. table.concat(gaps, "; ") .. ".") or ""
    return "You sign: " .. package(game) .. ". It's a good job and a better package than "
      .. "your old one." .. gap .. handover(game) .. "\n\n"
      .. "Six months in, you'll know which of those gaps mattered. The next negotiation, your "
      .. "first pay review" .. (game.flags.review and not game.flags.verbal and " at six months"
      or "") .. ", starts from the numbers in this letter."
  end,
}

ending "first_offer" {
  title = "Yes on Day One",
  verdict = "mixed",
  text = function(game)
    -- The colleague got Nadia's ceiling, which is always above the first offer.
    return "You accept the first offer: $" .. game.stats.base .. "k, 10% bonus, 20 thousand "
      .. "options, starting in two weeks. Nadia is delighted, a little too delighted.\n\n"
      .. "Three months later a colleague hired at the same level mentions, without malice, "
      .. "that she started at $" .. math.max(game.stats.budget, game.stats.base + 4) .. "k. "
      .. "The offer had room in it; nobody asked."
  end,
}

ending "withdrawn" {
  title = "Offer Withdrawn",
  verdict = "failure",
  text = [[
Nadia calls, and she sounds tired. "I don't think this is going to work.
We've gone back and forth, and I need someone who wants to be here. I'm going
to withdraw the offer. I'm sorry."

Her patience had a limit, like every counterpart's, and you couldn't see it.
That is why ultimatums, bluffs and reopened deals are expensive: each one
spends goodwill you don't know the size of.]],
}

ending "right_no" {
  title = "The Right No",
  verdict = "success",
  text = function(game)
    local next_step = game.flags.batna
      and "You keep the job you like while Parcelly decides."
      or "You keep the job you like, and start looking properly."
    return "You thank Nadia and tell her, without drama, that $" .. game.stats.base .. "k is "
      .. "below the point you decided you would walk away at. She is candid in return: her "
      .. "ceiling for the level is $" .. game.stats.budget .. "k, and she can't re-level the "
      .. "role this year.\n\n"
      .. next_step .. " No deal within your floor existed, and you both found that out "
      .. "without anyone saying yes and taking it back. Walking away here was the negotiation "
      .. "working, not failing. Nadia asks if she may call you when the Lead role opens."
  end,
}

ending "other_door" {
  title = "The Other Door",
  verdict = "mixed",
  text = function(game)
    local said = game.flags.written
      and "after telling her at two o'clock that you were excited to say yes"
      or "at the deadline"
    if game.stats.budget < 165 then
      return "You tell Nadia, " .. said .. ", that $" .. game.stats.base .. "k is below your "
        .. "walk-away point. Her ceiling was $" .. game.stats.budget .. "k, so no deal within "
        .. "your floor existed, and the no was right. The timing was not: she had already "
        .. "told her CEO you were joining.\n\n"
        .. "Holding a line is half of walk-away discipline; saying it early, calmly, before "
        .. "any yes, is the other half."
    end
    return "You tell Nadia, " .. said .. ", that $" .. game.stats.base .. "k is below your "
      .. "walk-away point. She is surprised, and a little hurt: \"I could have found $165k if "
      .. "you'd told me that was the line.\"\n\n"
      .. "You kept your floor, which matters. But a deal above it existed, and a floor said "
      .. "calmly at the pushback would have found it. Holding a line is half of walk-away "
      .. "discipline; saying it early enough to be useful is the other half."
  end,
}
