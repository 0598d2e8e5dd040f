package dev.hearth.assistant.router;

/**
 * Hyper-parameters of {@link RouterTrainer}. {@link #defaults()} are the values chosen by
 * measurement (docs/adr/0003-faq-router-model.md; the lexical weight, 2, and the training
 * options, off, by docs/adr/0018-router-training.md); the {@code with...} methods change
 * one.
 *
 * @param seed drives the held-out split and the order of training examples
 * @param heldOutFraction share of each FAQ entry's examples (and of the out-of-domain
 * corpus) kept aside to calibrate, choose the threshold and check the router, in [0, 0.5]
 * @param epochs passes over the training examples
 * @param learningRate Adam's initial step size, falling linearly to zero
 * @param batchSize examples per step
 * @param weightDecay decoupled L2 weight decay
 * @param embeddingWeight scale of the embedding block (0: lexical features only)
 * @param lexicalWeight scale of the unit-length lexical block (0: embedding only)
 * @param centroidScale initial scale of the centroid term (cosine similarity to the mean
 * embedding of each entry's phrasings), learnt from there; 0 leaves the term out
 * @param charNgramMin shortest character n-gram, at least 1
 * @param charNgramMax longest character n-gram, at least {@code charNgramMin}
 * @param minDocumentFrequency an n-gram must occur in this many training texts
 * @param maxLexicalFeatures most lexical features kept, the most frequent
 * @param backgroundCorpus whether to add the bundled out-of-domain questions as an extra
 * "none of these" class
 * @param backgroundSimilarityCeiling out-of-domain questions at least this similar
 * (cosine) to an FAQ example are left out, so the corpus never contradicts the FAQ
 * @param backgroundWeight loss weight of an out-of-domain question relative to an FAQ
 * example, further scaled down when there are more corpus questions than FAQ examples so
 * the background class never outweighs the FAQ
 * @param refit whether the final router is retrained on all examples after the held-out
 * checks (which then describe its twin trained without the held-out slice)
 * @param threads threads that compute gradients (1 or 2); the result does not depend on
 * it
 * @param labelSmoothing share of each example's target spread evenly over all classes, in
 * [0, 0.5]
 * @param balanceClasses whether an entry's phrasings are weighted inversely to how many
 * it has, so every entry weighs the same in the loss
 * @param augmentCopies extra training copies of each FAQ phrasing (0 to 8), each with
 * some of its words dropped and its embedding mixed with another phrasing of the entry
 * @param augmentWordDrop chance that a copy drops a word (one word is always kept)
 * @param augmentMix weight of the other phrasing's embedding in a copy, in [0, 0.5]
 */
public record RouterSettings(long seed, double heldOutFraction, int epochs, double learningRate, int batchSize,
		double weightDecay, double embeddingWeight, double lexicalWeight, double centroidScale, int charNgramMin,
		int charNgramMax, int minDocumentFrequency, int maxLexicalFeatures, boolean backgroundCorpus,
		double backgroundSimilarityCeiling, double backgroundWeight, boolean refit, int threads, double labelSmoothing,
		boolean balanceClasses, int augmentCopies, double augmentWordDrop, double augmentMix) {

	public RouterSettings {
		range(heldOutFraction, 0, 0.5, "heldOutFraction");
		atLeast(epochs, 1, "epochs");
		if (!(learningRate > 0 && learningRate <= 10)) {
			throw new IllegalArgumentException("learningRate must be in (0, 10], was " + learningRate);
		}
		atLeast(batchSize, 1, "batchSize");
		range(weightDecay, 0, 1, "weightDecay");
		range(embeddingWeight, 0, 100, "embeddingWeight");
		range(lexicalWeight, 0, 100, "lexicalWeight");
		range(centroidScale, 0, 100, "centroidScale");
		if (embeddingWeight == 0 && lexicalWeight == 0) {
			throw new IllegalArgumentException("embeddingWeight and lexicalWeight must not both be 0");
		}
		atLeast(charNgramMin, 1, "charNgramMin");
		atLeast(charNgramMax, charNgramMin, "charNgramMax");
		atLeast(minDocumentFrequency, 1, "minDocumentFrequency");
		atLeast(maxLexicalFeatures, 1, "maxLexicalFeatures");
		range(backgroundSimilarityCeiling, 0, 1, "backgroundSimilarityCeiling");
		range(backgroundWeight, 0, 100, "backgroundWeight");
		if (threads < 1 || threads > 2) {
			throw new IllegalArgumentException("threads must be 1 or 2, was " + threads);
		}
		range(labelSmoothing, 0, 0.5, "labelSmoothing");
		range(augmentCopies, 0, 8, "augmentCopies");
		range(augmentWordDrop, 0, 0.5, "augmentWordDrop");
		range(augmentMix, 0, 0.5, "augmentMix");
	}

	public static RouterSettings defaults() {
		return new RouterSettings(42, 0.1, 6, 0.01, 32, 1e-4, 1.0, 2.0, 10.0, 3, 5, 2, 1 << 16, true, 0.85, 1.0, true,
				2, 0, false, 0, 0, 0);
	}

	public RouterSettings withSeed(long seed) {
		return new RouterSettings(seed, this.heldOutFraction, this.epochs, this.learningRate, this.batchSize,
				this.weightDecay, this.embeddingWeight, this.lexicalWeight, this.centroidScale, this.charNgramMin,
				this.charNgramMax, this.minDocumentFrequency, this.maxLexicalFeatures, this.backgroundCorpus,
				this.backgroundSimilarityCeiling, this.backgroundWeight, this.refit, this.threads, this.labelSmoothing,
				this.balanceClasses, this.augmentCopies, this.augmentWordDrop, this.augmentMix);
	}

	public RouterSettings withEpochs(int epochs) {
		return new RouterSettings(this.seed, this.heldOutFraction, epochs, this.learningRate, this.batchSize,
				this.weightDecay, this.embeddingWeight, this.lexicalWeight, this.centroidScale, this.charNgramMin,
				this.charNgramMax, this.minDocumentFrequency, this.maxLexicalFeatures, this.backgroundCorpus,
				this.backgroundSimilarityCeiling, this.backgroundWeight, this.refit, this.threads, this.labelSmoothing,
				this.balanceClasses, this.augmentCopies, this.augmentWordDrop, this.augmentMix);
	}

	public RouterSettings withOptimizer(double learningRate, int batchSize, double weightDecay) {
		return new RouterSettings(this.seed, this.heldOutFraction, this.epochs, learningRate, batchSize, weightDecay,
				this.embeddingWeight, this.lexicalWeight, this.centroidScale, this.charNgramMin, this.charNgramMax,
				this.minDocumentFrequency, this.maxLexicalFeatures, this.backgroundCorpus,
				this.backgroundSimilarityCeiling, this.backgroundWeight, this.refit, this.threads, this.labelSmoothing,
				this.balanceClasses, this.augmentCopies, this.augmentWordDrop, this.augmentMix);
	}

	/** Relative weights of the embedding and lexical blocks; 0 leaves a block out. */
	public RouterSettings withFeatureWeights(double embeddingWeight, double lexicalWeight) {
		return new RouterSettings(this.seed, this.heldOutFraction, this.epochs, this.learningRate, this.batchSize,
				this.weightDecay, embeddingWeight, lexicalWeight, this.centroidScale, this.charNgramMin,
				this.charNgramMax, this.minDocumentFrequency, this.maxLexicalFeatures, this.backgroundCorpus,
				this.backgroundSimilarityCeiling, this.backgroundWeight, this.refit, this.threads, this.labelSmoothing,
				this.balanceClasses, this.augmentCopies, this.augmentWordDrop, this.augmentMix);
	}

	public RouterSettings withLexicalVocabulary(int charNgramMin, int charNgramMax, int minDocumentFrequency,
			int maxLexicalFeatures) {
		return new RouterSettings(this.seed, this.heldOutFraction, this.epochs, this.learningRate, this.batchSize,
				this.weightDecay, this.embeddingWeight, this.lexicalWeight, this.centroidScale, charNgramMin,
				charNgramMax, minDocumentFrequency, maxLexicalFeatures, this.backgroundCorpus,
				this.backgroundSimilarityCeiling, this.backgroundWeight, this.refit, this.threads, this.labelSmoothing,
				this.balanceClasses, this.augmentCopies, this.augmentWordDrop, this.augmentMix);
	}

	/** Whether and how to use the bundled out-of-domain corpus as a background class. */
	public RouterSettings withBackground(boolean backgroundCorpus, double backgroundSimilarityCeiling,
			double backgroundWeight) {
		return new RouterSettings(this.seed, this.heldOutFraction, this.epochs, this.learningRate, this.batchSize,
				this.weightDecay, this.embeddingWeight, this.lexicalWeight, this.centroidScale, this.charNgramMin,
				this.charNgramMax, this.minDocumentFrequency, this.maxLexicalFeatures, backgroundCorpus,
				backgroundSimilarityCeiling, backgroundWeight, this.refit, this.threads, this.labelSmoothing,
				this.balanceClasses, this.augmentCopies, this.augmentWordDrop, this.augmentMix);
	}

	public RouterSettings withHeldOut(double heldOutFraction, boolean refit) {
		return new RouterSettings(this.seed, heldOutFraction, this.epochs, this.learningRate, this.batchSize,
				this.weightDecay, this.embeddingWeight, this.lexicalWeight, this.centroidScale, this.charNgramMin,
				this.charNgramMax, this.minDocumentFrequency, this.maxLexicalFeatures, this.backgroundCorpus,
				this.backgroundSimilarityCeiling, this.backgroundWeight, refit, this.threads, this.labelSmoothing,
				this.balanceClasses, this.augmentCopies, this.augmentWordDrop, this.augmentMix);
	}

	/** The initial scale of the centroid term; 0 leaves it out. */
	public RouterSettings withCentroidScale(double centroidScale) {
		return new RouterSettings(this.seed, this.heldOutFraction, this.epochs, this.learningRate, this.batchSize,
				this.weightDecay, this.embeddingWeight, this.lexicalWeight, centroidScale, this.charNgramMin,
				this.charNgramMax, this.minDocumentFrequency, this.maxLexicalFeatures, this.backgroundCorpus,
				this.backgroundSimilarityCeiling, this.backgroundWeight, this.refit, this.threads, this.labelSmoothing,
				this.balanceClasses, this.augmentCopies, this.augmentWordDrop, this.augmentMix);
	}

	/** Threads for training: 1 or 2; results are the same either way. */
	public RouterSettings withThreads(int threads) {
		return new RouterSettings(this.seed, this.heldOutFraction, this.epochs, this.learningRate, this.batchSize,
				this.weightDecay, this.embeddingWeight, this.lexicalWeight, this.centroidScale, this.charNgramMin,
				this.charNgramMax, this.minDocumentFrequency, this.maxLexicalFeatures, this.backgroundCorpus,
				this.backgroundSimilarityCeiling, this.backgroundWeight, this.refit, threads, this.labelSmoothing,
				this.balanceClasses, this.augmentCopies, this.augmentWordDrop, this.augmentMix);
	}

	/**
	 * How the classifier is trained beyond its features: label smoothing, class-balanced
	 * loss weights, and copies of each phrasing (words dropped, embedding mixed with
	 * another phrasing of the same entry).
	 */
	public RouterSettings withTraining(double labelSmoothing, boolean balanceClasses, int augmentCopies,
			double augmentWordDrop, double augmentMix) {
		return new RouterSettings(this.seed, this.heldOutFraction, this.epochs, this.learningRate, this.batchSize,
				this.weightDecay, this.embeddingWeight, this.lexicalWeight, this.centroidScale, this.charNgramMin,
				this.charNgramMax, this.minDocumentFrequency, this.maxLexicalFeatures, this.backgroundCorpus,
				this.backgroundSimilarityCeiling, this.backgroundWeight, this.refit, this.threads, labelSmoothing,
				balanceClasses, augmentCopies, augmentWordDrop, augmentMix);
	}

	private static void range(double value, double min, double max, String name) {
		if (!(value >= min && value <= max)) {
			throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
		}
	}

	private static void atLeast(int value, int min, String name) {
		if (value < min) {
			throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
		}
	}

}
