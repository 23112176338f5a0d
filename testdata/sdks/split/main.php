<?php
$client->getTreatment(ctx, "split-php", false);
