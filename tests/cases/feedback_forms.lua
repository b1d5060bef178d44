-- The three forms of a decision's feedback (scenario-format.md, "Feedback").
return case {
  id = "feedback-forms", version = "1", title = "Feedback forms", start = "plain",
  nodes = {
    plain = {
      text = "A text, shown whatever was chosen.",
      decision = {
        options = { { id = "a", label = "A" }, { id = "b", label = "B" } },
        next = "by_option",
        feedback = "The same words for every choice.",
      },
    },
    by_option = {
      text = "A table: a default and one option's own text.",
      decision = {
        options = {
          { id = "wait", label = "Wait" },
          { id = "call-outreach", label = "Call the outreach team" },
          { id = "default", label = "Carry on as usual" },
        },
        next = "no_default",
        feedback = {
          default = "Most choices get this.",
          ["call-outreach"] = "Outreach comes within half an hour.",
        },
      },
    },
    no_default = {
      text = "A table without a default: the other options get no text.",
      decision = {
        options = { { id = "x", label = "X" }, { id = "y", label = "Y" } },
        next = "computed",
        feedback = { y = "Only y has a text." },
      },
    },
    computed = {
      text = "A function, resolved on entry.",
      decision = {
        options = { { id = "p", label = "P" }, { id = "q", label = "Q" } },
        next = "listed_later",
        feedback = function(s)
          return { default = "Computed default.", q = "Computed for q." }
        end,
      },
    },
    listed_later = {
      text = "Options from a function: the table is checked on entry.",
      decision = {
        options = function(s)
          return { { id = "m", label = "M" }, { id = "n", label = "N" } }
        end,
        next = "done",
        feedback = { n = "Text for n." },
      },
    },
    done = { text = "", ending = { outcome = "good" } },
  },
}
