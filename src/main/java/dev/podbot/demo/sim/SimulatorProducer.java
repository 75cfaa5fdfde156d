package dev.podbot.demo.sim;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.podbot.demo.DemoConfig;

/** The demo account's simulator, one per app (its state lives as long as the app). */
@ApplicationScoped
public class SimulatorProducer {

    @Produces
    @Singleton
    PodPointSimulator simulator(DemoConfig config) {
        return PodPointSimulator.demo(Clock.systemUTC(), config.cycle(), config.applyDelay());
    }

    @Produces
    @Singleton
    SimApi api(PodPointSimulator simulator) {
        return new SimApi(simulator);
    }
}
