// Skratch's search ranking (Sphinx's html_search_scorer): Sphinx's default weights, plus one
// rule. A figure script's page repeats the words of the unit that uses it (its title, its
// description, its code), so a search for "gradient descent" would list "Gradient descent with
// three learning rates" (a figure) above the unit that teaches it. Figure pages are kept in the
// results, below every unit and reference page that matches.
var Scorer = {
  score: function (result) {
    var docname = result[0], score = result[4];
    return docname.indexOf("book/figures/") === 0 ? score - 100 : score;
  },
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
};
