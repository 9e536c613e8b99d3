package dev.marquee.render.suggest;

/**
 * One detector window that passed every stage of the cascade, with the sum of its last stage (how
 * far it cleared that stage's threshold).
 */
record DetectionWindow(Box box, double stageSum) {}
