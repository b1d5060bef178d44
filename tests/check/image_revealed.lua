-- Images that only play shows: one a function gives a node, one that
-- s.reveal adds to the results. check reads them as the walk meets them,
-- and says where, with the path there.
return case {
  id = "check-image-revealed", version = "1", title = "Images in play", start = "a",
  nodes = {
    a = {
      text = "Choose.",
      decision = {
        options = {
          { id = "film", label = "Take a film", next = "film" },
          { id = "photo", label = "Take a photograph", next = "photo" },
        },
      },
    },
    film = {
      text = "The film.",
      image = function(s) return { file = "images/no_film.png", alt = "A film." } end,
      ending = { outcome = "good" },
    },
    photo = {
      text = "The photograph.",
      on_enter = function(s)
        s.reveal { name = "Photograph", value = "see it",
                   image = { file = "images/no_photo.png", alt = "A photograph." } }
      end,
      next = "seen",
    },
    seen = { text = "", image = { file = "images/good.png", alt = "A flat line." },
             ending = { outcome = "good" } },
  },
}
