package dev.marquee.experiment.feed;

import java.util.function.Function;

/**
 * A value derived from the snapshot object that holds it, computed on first use and kept with the
 * object: the delivery layer keeps an entry's or a variant's JSON fragment here, so writing an
 * answer costs no cache lookup per item. Snapshot objects never change (a changed entry or variant
 * is a new object), so what is kept never goes stale, and it goes away with its object. One memo
 * holds one kind of value.
 */
public final class Memo {
  private volatile Object value;

  /**
   * The kept value, or the one {@code derive} gives for {@code owner} (the object holding this
   * memo) on first use. Two first uses at once may both derive it; each gets an equal value and one
   * of them is kept. Taking the owner as an argument lets callers pass one function object rather
   * than a new lambda per call.
   */
  @SuppressWarnings("unchecked") // one memo, one kind of value (class Javadoc)
  public <O, T> T get(O owner, Function<? super O, ? extends T> derive) {
    Object v = value;
    if (v == null) {
      v = derive.apply(owner);
      value = v;
    }
    return (T) v;
  }
}
