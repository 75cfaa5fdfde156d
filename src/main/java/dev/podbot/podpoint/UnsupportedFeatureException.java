package dev.podbot.podpoint;

/** Pod Point does not offer this feature for this charger or account (404/410 from its endpoint, API doc §10.19). */
public class UnsupportedFeatureException extends PodPointException {

    private final String feature;

    public UnsupportedFeatureException(String feature) {
        super("Pod Point does not offer " + feature + " here");
        this.feature = feature;
    }

    public String feature() {
        return feature;
    }
}
