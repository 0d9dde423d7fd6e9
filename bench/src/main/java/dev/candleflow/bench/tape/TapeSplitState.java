package dev.candleflow.bench.tape;

/** A split being read: how many of its frames have been emitted. */
final class TapeSplitState {

    private final int index;
    private int position;

    TapeSplitState(TapeSplit split) {
        this.index = split.index();
        this.position = split.position();
    }

    void emitted() {
        position++;
    }

    TapeSplit toSplit() {
        return new TapeSplit(index, position);
    }
}
