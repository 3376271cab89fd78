package org.yousaid.area;

/** The demo areas exist (published in the seeding transaction), so other features may seed their part. */
public record DemoAreasSeeded(String areaId) {
}
