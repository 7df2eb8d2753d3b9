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

-- Signed well: everything in writing, the base at the market, and the
-- role's decision rights written into it.
function well_signed(game)
  return game.flags.written and game.stats.base >= 163 and game.flags.scope_written
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
    if game.stats.base < 163 then
      gaps[#gaps + 1] = "the base is below what the market pays for this role"
    end
    if not game.flags.scope_written then
      gaps[#gaps + 1] = "nothing in writing says what you decide"
    end
    if not game.flags.written then
      gaps[#gaps + 1] = "some of what you agreed lives only in two people's memories"
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
      .. "that she started at $" .. game.stats.budget .. "k. The offer had room in it; "
      .. "nobody asked."
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

ending "other_door" {
  title = "The Other Door",
  verdict = "mixed",
  text = function(game)
    return "You thank Nadia, and tell her the final offer, $" .. game.stats.base .. "k, is "
      .. "below the point you decided you would walk away at. She understands; she has done "
      .. "it too.\n\n"
      .. "You keep the job you like while Parcelly decides. Its final round goes well, and "
      .. "its offer clears your walk-away point. "
      .. "Walking away was the negotiation working, not failing. Whether Parcelly is the "
      .. "better job depends on where you want to be in three years."
  end,
}
