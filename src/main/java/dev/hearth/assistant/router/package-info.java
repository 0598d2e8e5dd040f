/**
 * The FAQ router: the small model trained on the company's own FAQ phrasings that maps a
 * customer's question to an FAQ entry, with calibrated probabilities and an explicit
 * out-of-scope decision. Plain Java, no Spring, nothing else of Hearth: the
 * {@code assistant} module retrains it after every FAQ change and stores
 * {@link dev.hearth.assistant.router.TrainedRouter#serialize()} in PostgreSQL.
 * <p>
 * <b>Using it.</b> {@code new RouterTrainer(RouterSettings.defaults()).train(examples)}
 * takes one {@link dev.hearth.assistant.router.TrainingExample} per phrasing (FAQ entry
 * id, text, MiniLM embedding) and returns an immutable, thread-safe
 * {@link dev.hearth.assistant.router.TrainedRouter}. Its
 * {@link dev.hearth.assistant.router.TrainedRouter#predict(String, float[])} ranks at
 * most five entries; a question is answered from the best one when
 * {@link dev.hearth.assistant.router.RouterPrediction#inScope(double)} holds for the
 * threshold in force, and escalated otherwise.
 * <p>
 * <b>The model</b> (chosen by measurement: {@code docs/adr/0003-faq-router-model.md},
 * {@code RouterBenchmark}) is a multinomial logistic regression whose logits add up three
 * views of a question: its 384-dimensional sentence embedding; lexical features of its
 * text, hashed word unigrams and bigrams and character 3- to 5-grams of each word (which
 * carry typos and run-on words such as "trackmyorder"), weighted by sublinear TF-IDF over
 * a vocabulary learnt from the training texts and normalised to unit length; and a
 * centroid term, a learnt scale times the cosine similarity of the embedding to the mean
 * embedding of each entry's phrasings, which carries entries that have only a handful of
 * phrasings. It is fitted by mini-batch Adam with weight decay; each batch's gradient is
 * computed in two fixed halves, on two threads, so the result is the same on one.
 * <p>
 * <b>Out of scope.</b> Besides one class per FAQ entry the model has a background class,
 * "none of these", trained on a bundled corpus of about 1,500 questions nobody should
 * answer from a company's FAQ ({@code router/out-of-domain.txt}: weather, sport, cooking,
 * maths, chit-chat, coding, health, legal and money advice, travel, other companies'
 * products, shop questions FAQs rarely cover), embedded in advance
 * ({@code router/out-of-domain.vectors}). Corpus questions at least 0.85 cosine-similar
 * to any FAQ example are left out, so the corpus never argues with the company's own FAQ,
 * and the class is weighted so it never outweighs the FAQ's phrasings together. The
 * probabilities of the entries therefore sum to at most 1, and the confidence, the
 * probability of the best entry, is low both when the question looks like the corpus and
 * when it is torn between entries.
 * <p>
 * <b>Calibration and checks.</b> A stratified tenth of every entry's phrasings (none of
 * an entry with fewer than 3, and never leaving it fewer than 2) and of the corpus is
 * held out, and, when the FAQ has at least 4 entries, a seeded quarter of the entries is
 * left out altogether. A twin model trained without either fits the temperature that
 * divides every logit (minimum held-out log-loss) and chooses the suggested threshold on
 * the left-out entries' phrasings, in-domain questions no entry covers as the company's
 * customers ask them: the threshold with the best 2/3 in-scope accuracy + 1/3 of those
 * escalated ({@code docs/adr/0010-router-out-of-scope-threshold.md}); with fewer entries,
 * the best held-out accuracy against the corpus's held-out share. It also measures the
 * checks (accuracy, in-scope accuracy, out-of-scope recall, MCC, MRR, ECE, unknown
 * questions escalated). The router returned is then retrained on everything with the same
 * settings and keeps that temperature and threshold (1 and 0.5 when no entry has enough
 * phrasings to hold any out). The confidence stays the calibrated probability of the best
 * entry: margin, max-logit, energy, centroid and nearest-phrasing distances and learnt
 * combinations of them separated unknown questions no better (ADR 0010). A threshold
 * chosen on the company's own out-of-scope questions is still better than the suggestion.
 * <p>
 * <b>Matching with few phrasings.</b> {@link dev.hearth.assistant.router.FaqMatcher} is
 * what answers: it lets the router decide when most entries have three or more phrasings,
 * and otherwise ranks entries by their question and answer: the similarity of the
 * question to their nearest phrasing
 * ({@link dev.hearth.assistant.router.NearestPhrasings}) fused with the share of its BM25
 * weight that their phrasings and answer cover
 * ({@link dev.hearth.assistant.router.EntryTerms}), with a threshold calibrated without
 * held-out phrasings (left-out entries, the out-of-domain corpus). Chosen by measurement:
 * {@code docs/adr/0007-faq-matching.md}, {@code docs/adr/0009-hybrid-faq-matching.md},
 * {@code FaqProtocolsBenchmark}.
 * <p>
 * <b>Determinism and format.</b> Given the same examples in the same order and the same
 * settings (the seed included), training gives the same router. The binary format is
 * versioned ({@code HRTR}, version 2, CRC-32); a reader refuses other versions and
 * damaged data with an {@link java.lang.IllegalArgumentException} that says to retrain.
 */
package dev.hearth.assistant.router;
