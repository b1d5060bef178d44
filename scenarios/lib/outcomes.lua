-- Helpers for endings whose outcome combines several parts of a case.
--
--   local outcomes = include("outcomes")
--   outcome = function(s) return outcomes.worst(back_outcome(s), talk_outcome(s)) end
--
-- outcomes.worst(a, b, ...) -> the worst of the outcomes given
-- ("harm" before "neutral" before "good").
local outcomes = {}

local RANK = { good = 1, neutral = 2, harm = 3 }

function outcomes.worst(first, ...)
  local result = first
  for _, o in ipairs({ ... }) do
    if RANK[o] > RANK[result] then result = o end
  end
  return result
end

return outcomes
